import { describe, expect, it } from 'vitest';
import { addDays, amsterdamDay, daysAfter, showDate, workingDay, yearsBefore } from './dates';

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
		expect(showDate('nl', halfPastMidnight, 'medium')).toBe('7 dec 2026');
		expect(showDate('nl', new Date(halfPastMidnight), 'long')).toBe('7 december 2026');
		expect(showDate('nl', halfPastMidnight, 'time')).toBe('00:30');
	});

	it('shows a calendar day as that day, wherever the reader is', () => {
		expect(showDate('nl', '2026-12-07', 'medium')).toBe('7 dec 2026');
		expect(showDate('en', '2026-03-29')).toBe('29 March 2026');
	});

	it('uses the Gregorian calendar and Latin digits in Persian and Dari', () => {
		expect(showDate('fa', '2026-12-07', 'medium')).toContain('2026');
		expect(showDate('prs', '2026-12-07', 'medium')).toContain('2026');
	});
});

describe('instant helpers the seed and the app share', () => {
	it('moves a weekend day by the Amsterdam calendar, not by UTC', () => {
		// 23:30 UTC on Friday 4 December 2026 is already Saturday in Amsterdam.
		const fridayNightUtc = new Date('2026-12-04T23:30:00Z');
		expect(amsterdamDay(workingDay(fridayNightUtc, true))).toBe('2026-12-07');
		expect(amsterdamDay(workingDay(fridayNightUtc, false))).toBe('2026-12-04');
		const wednesday = new Date('2026-12-02T10:00:00Z');
		expect(workingDay(wednesday, true)).toBe(wednesday);
	});
	it('counts whole days and whole years back', () => {
		expect(daysAfter(new Date('2026-03-01T00:00:00Z'), -1).toISOString()).toBe(
			'2026-02-28T00:00:00.000Z'
		);
		expect(yearsBefore(new Date('2026-12-07T12:00:00Z'), 18).toISOString()).toBe(
			'2008-12-07T12:00:00.000Z'
		);
	});
});
