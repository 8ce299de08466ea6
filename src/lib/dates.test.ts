import { describe, expect, it } from 'vitest';
import { addDays, amsterdamDay, showDate } from './dates';

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

describe('showDate: every date shown to a person, in Amsterdam', () => {
	// 00:30 in Amsterdam on 7 December is still 6 December in UTC.
	const halfPastMidnight = '2026-12-06T23:30:00Z';

	it('shows the Amsterdam day of an instant, also just after midnight', () => {
		expect(showDate('nl', halfPastMidnight, { dateStyle: 'medium' })).toBe('7 dec 2026');
		expect(showDate('nl', new Date(halfPastMidnight), { dateStyle: 'long' })).toBe(
			'7 december 2026'
		);
		expect(showDate('nl', halfPastMidnight, { timeStyle: 'short' })).toBe('00:30');
	});

	it('shows a calendar day as that day, wherever the reader is', () => {
		expect(showDate('nl', '2026-12-07', { dateStyle: 'medium' })).toBe('7 dec 2026');
		expect(showDate('en', '2026-03-29')).toBe('29 March 2026');
	});

	it('uses the Gregorian calendar and Latin digits in Persian and Dari', () => {
		expect(showDate('fa', '2026-12-07', { dateStyle: 'medium' })).toContain('2026');
		expect(showDate('prs', '2026-12-07', { dateStyle: 'medium' })).toContain('2026');
	});
});
