import { describe, expect, it } from 'vitest';
import { addDays, amsterdamDay } from './dates';

describe('Amsterdam dates', () => {
	it('uses the Amsterdam calendar day, not UTC', () => {
		// 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time).
		expect(amsterdamDay(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
		expect(amsterdamDay(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
	});
	it('adds days across a month end', () => {
		expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
	});
});
