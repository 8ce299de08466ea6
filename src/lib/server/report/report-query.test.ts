import { describe, expect, it } from 'vitest';
import { parseReportQuery, reportSearch } from './report-query';
import { lastClosedQuarter } from './period-rules';

// 13 May 2026 with 14 days to close: 2026-Q1 ended 31 March and is the last closed quarter.
const now = new Date('2026-05-13T08:00:00Z');
const lastClosed = lastClosedQuarter(now, 14);
const parse = (search: string) =>
	parseReportQuery(new URL(`http://x/rapportage${search}`), lastClosed);

describe('parseReportQuery', () => {
	it('defaults to the last closed quarter for the whole dienst', () => {
		expect(lastClosed).toBe('2026-Q1');
		expect(parse('')).toEqual({
			ok: true,
			query: { quarter: '2026-Q1', period: 'quarter', gemeente: null }
		});
	});
	it('reads a quarter, a gemeente and a calendar year (stored under its fourth quarter)', () => {
		const r = parse('?kwartaal=2025-Q2&gemeente=lindewaard&periode=jaar');
		expect(r).toEqual({
			ok: true,
			query: { quarter: '2025-Q4', period: 'year', gemeente: 'lindewaard' }
		});
		if (!r.ok) throw new Error('not parsed');
		expect(reportSearch(r.query)).toBe('kwartaal=2025-Q4&gemeente=lindewaard&periode=jaar');
	});
	it('refuses the current quarter, a future one and a year not over', () => {
		expect(parse('?kwartaal=2026-Q2')).toEqual({ ok: false, error: 'report.errors.notClosed' });
		expect(parse('?kwartaal=2027-Q2')).toEqual({ ok: false, error: 'report.errors.notClosed' });
		expect(parse('?kwartaal=2026-Q1&periode=jaar')).toEqual({
			ok: false,
			error: 'report.errors.yearNotClosed'
		});
	});
	it('opens a quarter exactly the set number of days after it ends', () => {
		// 2026-Q1 ends 31 March; with 14 days it is reportable from 15 April (Amsterdam).
		expect(lastClosedQuarter(new Date('2026-04-14T12:00:00Z'), 14)).toBe('2025-Q4');
		expect(lastClosedQuarter(new Date('2026-04-15T12:00:00Z'), 14)).toBe('2026-Q1');
		expect(lastClosedQuarter(new Date('2026-04-01T12:00:00Z'), 0)).toBe('2026-Q1');
		expect(lastClosedQuarter(new Date('2026-03-31T12:00:00Z'), 0)).toBe('2025-Q4');
	});
	it('names what is wrong with a malformed URL', () => {
		expect(parse('?kwartaal=2026-Q9')).toEqual({ ok: false, error: 'report.errors.badQuarter' });
		expect(parse("?gemeente=x'%20or%201=1")).toEqual({
			ok: false,
			error: 'report.errors.badGemeente'
		});
		expect(parse('?periode=maand')).toEqual({ ok: false, error: 'report.errors.badPeriod' });
	});
});
