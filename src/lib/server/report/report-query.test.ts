import { describe, expect, it } from 'vitest';
import { parseReportQuery, reportSearch } from './report-query';

const now = new Date('2026-05-13T08:00:00Z');
const parse = (search: string) => parseReportQuery(new URL(`http://x/rapportage${search}`), now);

describe('parseReportQuery', () => {
	it('defaults to this quarter for the whole dienst', () => {
		expect(parse('')).toEqual({
			ok: true,
			query: { quarter: '2026-Q2', period: 'quarter', gemeente: null }
		});
	});
	it('reads a quarter, a gemeente and four quarters', () => {
		const r = parse('?kwartaal=2025-Q4&gemeente=lindewaard&periode=jaar');
		expect(r).toEqual({
			ok: true,
			query: { quarter: '2025-Q4', period: 'year', gemeente: 'lindewaard' }
		});
		if (!r.ok) throw new Error('not parsed');
		expect(reportSearch(r.query)).toBe('kwartaal=2025-Q4&gemeente=lindewaard&periode=jaar');
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
