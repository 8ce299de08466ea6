import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { reportSnapshot, setting } from '../db/schema';
import { amsterdamDay } from '../../dates';
import { buildReport, recolour, type Report } from './report';
import { normsForYear } from './norms';
import type { ReportQuery } from './context';
import { lastClosedQuarter, periodKey } from './period-rules';
import { parseReportQuery } from './report-query';
import { linkYearToQuarters } from './period-link';
import { withFrozenTrend } from './frozen-trend';
import { uncheckedAmountsHidden } from './handhaving';

// Only closed, fixed periods are published (issue #13, docs/REPORT.md "Periods"). A quarter
// becomes reportable a set number of days after it ends; a year when its fourth quarter is.
// The first time a period is asked for after that, the report of every gemeente and of the
// total is built at once and stored: from then on the same figures, whatever comes in later.

const CLOSE_DAYS = 'report.closeDays';
export const DEFAULT_CLOSE_DAYS = 14;
export const closeDaysSchema = z.coerce.number().int().min(0).max(120);

/** Days after a quarter's end before it can be reported (the setting, else 14). */
export async function reportCloseDays(db: Db): Promise<number> {
	const [row] = await db.select().from(setting).where(eq(setting.key, CLOSE_DAYS));
	const parsed = closeDaysSchema.safeParse(row?.value);
	return parsed.success ? parsed.data : DEFAULT_CLOSE_DAYS;
}

export async function setReportCloseDays(db: Db, days: number, adminId: string): Promise<void> {
	const value = closeDaysSchema.parse(days);
	await db
		.insert(setting)
		.values({ key: CLOSE_DAYS, value, updatedBy: adminId })
		.onConflictDoUpdate({
			target: setting.key,
			set: { value, updatedBy: adminId, updatedAt: new Date() }
		});
}

/**
 * The published report of a closed period: the stored one, or built now for every gemeente
 * and the total and stored (concurrent first requests store the same period once). Null
 * when the gemeente is unknown. The caller checks periodRefusal first.
 */
export async function publishedReport(
	db: Db,
	asked: ReportQuery,
	now = new Date()
): Promise<Report | null> {
	const q = periodKey(asked);
	const selection = q.gemeente ?? '*';
	const find = async () =>
		(
			await db
				.select({ report: reportSnapshot.report })
				.from(reportSnapshot)
				.where(
					and(
						eq(reportSnapshot.quarter, q.quarter),
						eq(reportSnapshot.period, q.period),
						eq(reportSnapshot.selection, selection)
					)
				)
		)[0]?.report as Report | undefined;
	// Norms as they are now; sums of euros only when frozen under today's dominance rule.
	const coloured = async (r: Report) =>
		recolour(uncheckedAmountsHidden(r), await normsForYear(db, Number(q.quarter.slice(0, 4))));
	const stored = await find();
	if (stored) return coloured(stored);
	const whole = await buildReport(db, { ...q, gemeente: null }, now);
	if (!whole) return null;
	// Is there a snapshot of this period at all? Then this gemeente is unknown.
	const [any] = await db
		.select({ s: reportSnapshot.selection })
		.from(reportSnapshot)
		.where(and(eq(reportSnapshot.quarter, q.quarter), eq(reportSnapshot.period, q.period)))
		.limit(1);
	if (!any) {
		let all = [whole];
		for (const g of whole.gemeenten) {
			const r = await buildReport(db, { ...q, gemeente: g.code }, now);
			if (r) all.push(r);
		}
		if (q.period === 'year') all = await linkedToQuarters(db, all, now);
		all = await withFrozenTrend(db, all);
		const publishedOn = amsterdamDay(now);
		await db
			.insert(reportSnapshot)
			.values(
				all.map((r) => ({
					quarter: q.quarter,
					period: q.period,
					selection: r.gemeente?.code ?? '*',
					report: r,
					publishedOn
				}))
			)
			.onConflictDoNothing();
	}
	const frozen = await find();
	return frozen ? coloured(frozen) : null;
}

/** The year reports protected together with their quarters, published (and frozen) first. */
async function linkedToQuarters(db: Db, years: Report[], now: Date): Promise<Report[]> {
	const out: Report[] = [];
	for (const year of years) {
		const quarters: Report[] = [];
		for (const quarter of year.quarters) {
			const r = await publishedReport(
				db,
				{ quarter, period: 'quarter', gemeente: year.gemeente?.code ?? null },
				now
			);
			if (r) quarters.push(r);
		}
		out.push(linkYearToQuarters(year, quarters));
	}
	return out;
}

/** The URL's report query checked against today's last closed quarter, with that quarter. */
export async function closedReportQuery(db: Db, url: URL, now = new Date()) {
	const lastClosed = lastClosedQuarter(now, await reportCloseDays(db));
	return { lastClosed, parsed: parseReportQuery(url, lastClosed) };
}
