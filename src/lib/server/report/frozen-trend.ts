import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { reportSnapshot } from '../db/schema';
import type { Report } from './report';
import { derivedIndicators } from './council-indicators';
import { flowRates } from './rates';
import { frozenHandhavingPoint } from './handhaving';

// The bestand trend from published figures (issue #13 §1 and §7): a point whose quarter is
// already published (report_snapshot) shows that quarter's frozen bestand figures, not the
// data as it is now. So a correction made later (an outflow registered after its quarter was
// frozen) never shows as a difference between two publications of the same quarter.

export async function withFrozenTrend(db: Db, reports: Report[]): Promise<Report[]> {
	const quarters = [
		...new Set(
			reports.flatMap((r) => [
				...(r.indicators?.bestandTrend.points.map((p) => p.key) ?? []),
				...(r.handhaving?.history?.points.map((p) => p.key) ?? [])
			])
		)
	];
	if (quarters.length === 0) return reports;
	const stored = await db
		.select({
			quarter: reportSnapshot.quarter,
			selection: reportSnapshot.selection,
			report: reportSnapshot.report
		})
		.from(reportSnapshot)
		.where(and(eq(reportSnapshot.period, 'quarter'), inArray(reportSnapshot.quarter, quarters)));
	const frozen = new Map(stored.map((s) => [`${s.quarter}|${s.selection}`, s.report as Report]));
	return reports
		.map((r) => withFrozenHandhaving(r, frozen))
		.map((r) => {
			const i = r.indicators;
			if (!i) return r;
			const selection = r.gemeente?.code ?? '*';
			let patched = false;
			const points = i.bestandTrend.points.map((p) => {
				const b = frozen.get(`${p.key}|${selection}`)?.bestand;
				if (!b) return p;
				patched = true;
				return { ...p, size: b.segment.total.cells.n, inflow: b.inflow, outflow: b.outflow };
			});
			if (!patched) return r;
			const withRates = points.map((p, k) => {
				const rates = flowRates({
					before: k > 0 ? points[k - 1]!.size.n : null,
					size: p.size.n,
					inflow: p.inflow.n,
					outflow: p.outflow.n
				});
				// The first point's outflow rate needs the bestand before it: kept only when live.
				return k === 0 && p === i.bestandTrend.points[0] ? p : { ...p, ...rates };
			});
			const bestandTrend = { ...i.bestandTrend, points: withRates };
			return { ...r, indicators: derivedIndicators({ ...i, bestandTrend }, r.quarters, r.bestand) };
		});
}

function withFrozenHandhaving(r: Report, frozen: Map<string, Report>): Report {
	const history = r.handhaving?.history;
	if (!history) return r;
	const selection = r.gemeente?.code ?? '*';
	const points = history.points.map((p) => {
		const f = frozen.get(`${p.key}|${selection}`);
		return f ? frozenHandhavingPoint(f, p) : p;
	});
	return { ...r, handhaving: { ...r.handhaving, history: { points } } };
}
