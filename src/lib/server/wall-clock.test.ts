import { describe, expect, it } from 'vitest';
import { amsterdamClock, amsterdamInstant, amsterdamInstantOn } from './wall-clock';

describe('Amsterdam wall clock', () => {
	it('reads a winter time as UTC+1 and a summer time as UTC+2', () => {
		expect(amsterdamInstant('2026-12-03', '10:30').toISOString()).toBe('2026-12-03T09:30:00.000Z');
		expect(amsterdamInstant('2026-07-03', '10:30').toISOString()).toBe('2026-07-03T08:30:00.000Z');
	});
	it('shows an instant as the time on an Amsterdam clock', () => {
		expect(amsterdamClock(new Date('2026-07-03T08:30:00Z'))).toBe('10:30');
		expect(amsterdamClock(new Date('2026-12-03T23:15:00Z'))).toBe('00:15');
	});
	it('puts a clock time on the Amsterdam day of an instant, also late at night in UTC', () => {
		// 23:30 UTC on 28 March is 29 March in Amsterdam, the day summer time starts.
		expect(amsterdamInstantOn(new Date('2026-03-28T23:30:00Z'), 9, 5).toISOString()).toBe(
			'2026-03-29T07:05:00.000Z'
		);
	});
});
