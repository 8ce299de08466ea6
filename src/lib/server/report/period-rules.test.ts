import { describe, expect, it } from 'vitest';
import { lastClosedQuarter, periodKey, periodRefusal } from './period-rules';

// docs/REPORT.md "Periods": a quarter is reported only `closeDays` days after it ends, and a
// year only when its fourth quarter is closed.
describe('reportable periods', () => {
	it('a quarter becomes reportable the day after its closing days have passed', () => {
		// Q1 2026 ends on 31 March; with 14 closing days it is reportable from 15 April on.
		expect(lastClosedQuarter(new Date('2026-04-14T21:59:00Z'), 14)).toBe('2025-Q4'); // 23:59 Amsterdam
		expect(lastClosedQuarter(new Date('2026-04-14T22:00:00Z'), 14)).toBe('2026-Q1'); // 00:00 on 15 April
	});

	it('never the current quarter, even with no closing days', () => {
		expect(lastClosedQuarter(new Date('2026-06-30T12:00:00Z'), 0)).toBe('2026-Q1');
		expect(lastClosedQuarter(new Date('2026-07-01T12:00:00Z'), 0)).toBe('2026-Q2');
	});

	it('a long closing period can hold back more than one quarter', () => {
		expect(lastClosedQuarter(new Date('2026-04-15T12:00:00Z'), 100)).toBe('2025-Q4');
		expect(lastClosedQuarter(new Date('2026-04-15T12:00:00Z'), 200)).toBe('2025-Q2');
	});

	it('refuses an open quarter and a year whose fourth quarter is open, whatever quarter is named', () => {
		expect(
			periodRefusal({ quarter: '2026-Q1', period: 'quarter', gemeente: null }, '2026-Q1')
		).toBeNull();
		expect(
			periodRefusal({ quarter: '2026-Q2', period: 'quarter', gemeente: null }, '2026-Q1')
		).toBe('report.errors.notClosed');
		expect(periodRefusal({ quarter: '2026-Q1', period: 'year', gemeente: null }, '2026-Q3')).toBe(
			'report.errors.yearNotClosed'
		);
		expect(
			periodRefusal({ quarter: '2025-Q1', period: 'year', gemeente: null }, '2025-Q4')
		).toBeNull();
	});

	it('stores a year under its fourth quarter', () => {
		expect(periodKey({ quarter: '2025-Q2', period: 'year', gemeente: null })).toMatchObject({
			quarter: '2025-Q4'
		});
		expect(periodKey({ quarter: '2025-Q2', period: 'quarter', gemeente: null })).toMatchObject({
			quarter: '2025-Q2'
		});
	});
});
