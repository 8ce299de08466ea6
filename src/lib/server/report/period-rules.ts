import { addDays, amsterdamDay } from '../../dates';
import { quarterDays, quarterOfDay, shiftQuarter } from '../../quarters';
import type { ReportQuery } from './context';

// Which periods may be reported (issue #13, docs/REPORT.md "Periods"): pure rules.

/** The latest quarter that can be reported on `now`: ended more than `closeDays` days ago. */
export function lastClosedQuarter(now: Date, closeDays: number): string {
	const today = amsterdamDay(now);
	let q = shiftQuarter(quarterOfDay(today), -1);
	while (addDays(quarterDays(q).to, closeDays) >= today) q = shiftQuarter(q, -1);
	return q;
}

/**
 * Why a period cannot be reported, or null when it can. A year is the calendar year of the
 * quarter asked for, and needs its fourth quarter closed.
 */
export function periodRefusal(q: ReportQuery, lastClosed: string): string | null {
	const last = q.period === 'year' ? `${q.quarter.slice(0, 4)}-Q4` : q.quarter;
	if (last <= lastClosed) return null;
	return q.period === 'year' ? 'report.errors.yearNotClosed' : 'report.errors.notClosed';
}

/** The quarter a period is stored under: a year under its fourth quarter. */
export function periodKey(q: ReportQuery): ReportQuery {
	return q.period === 'year' ? { ...q, quarter: `${q.quarter.slice(0, 4)}-Q4` } : q;
}
