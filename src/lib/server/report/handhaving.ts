import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { MAATREGEL_GROUNDS } from '../db/schema';
import { perGemeenteSplits } from './rows';
import { measuresTable, type CountCell } from './cells';
import type { ReportContext } from './context';
import type { Report } from './report';
import type { ReportTable, TableCell } from './report-tables';

// ── Handhaving ────────────────────────────────────────────────────────────────
// Besluiten in the period (issue #13 §7, docs/DOMAIN.md "Handhaving"): maatregelen by ground,
// boetes, terugvorderingen, counted by the day of the besluit; a withdrawn one is not counted.
// One additive table (gemeenten × categories with their totals), suppressed like the others.

export const HANDHAVING_CATEGORIES = [
	...MAATREGEL_GROUNDS.map((g) => `maatregel_${g}` as const),
	'boete',
	'terugvordering'
] as const;

export async function handhavingCounts(db: Db, ctx: ReportContext) {
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m,
				case when h.kind = 'maatregel' then 'maatregel_' || h.ground else h.kind end as c
			from handhaving h join client c on c.id = h.client_id
			where h.decided_on between ${ctx.from} and ${ctx.to} and h.withdrawn_on is null`,
		['c'],
		{ n: sql`count(*)` }
	);
	const table = measuresTable(list, ctx, ['n'] as const);
	// Every category is a row, also at 0 (a row of zeros is left out by measuresTable).
	const zero = { n: { n: 0, hidden: false as const } };
	return {
		rows: HANDHAVING_CATEGORIES.map(
			(key) => table.rows.find((r) => r.key === key) ?? { key, cells: zero }
		),
		total: table.total
	};
}

/** The table for the page and the CSV; none for a report frozen before handhaving existed. */
export function handhavingTable(
	r: Report,
	t: (key: string, options?: Record<string, unknown>) => string
): ReportTable | null {
	const h = r.handhaving as Report['handhaving'] | undefined;
	if (!h) return null;
	const count = (c: CountCell): TableCell =>
		c.hidden ? { t: 'hidden', why: c.hidden } : { t: 'count', v: c.n ?? 0 };
	return {
		id: 'handhaving',
		section: 'handhaving',
		title: t('report.handhaving.title'),
		columns: [t('report.col.besluit'), t('report.col.count')],
		rows: [
			...h.rows.map((row) => [
				{ t: 'text' as const, v: t(`report.category.handhaving.${row.key}`) },
				count(row.cells.n)
			]),
			[{ t: 'text', v: t('report.category.all') }, count(h.total.cells.n)]
		]
	};
}
