import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { reportSnapshot } from '../db/schema';
import type { ShareCell } from './cells';
import type { Report } from './report';

// The satisfaction trend's published points (trend.ts): a quarter already published shows in
// the trend exactly as its frozen report (report_snapshot) shows it, and need not be rebuilt.

/**
 * The item totals of the quarters published for this selection (gemeente code or '*'), as
 * their frozen reports show them. A report frozen without satisfaction items is left out.
 */
export async function publishedTotals(
	db: Db,
	quarters: string[],
	selection: string
): Promise<Map<string, Map<string, ShareCell>>> {
	const stored = await db
		.select({ quarter: reportSnapshot.quarter, report: reportSnapshot.report })
		.from(reportSnapshot)
		.where(
			and(
				eq(reportSnapshot.period, 'quarter'),
				eq(reportSnapshot.selection, selection),
				inArray(reportSnapshot.quarter, quarters)
			)
		);
	const out = new Map<string, Map<string, ShareCell>>();
	for (const { quarter, report } of stored) {
		const items = (report as Partial<Report>).satisfaction;
		if (Array.isArray(items)) out.set(quarter, new Map(items.map((i) => [i.code, i.total])));
	}
	return out;
}
