import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cellId, suppress } from './suppression';
import { rows } from './rows';
import { ALL, countCell, key, type Grid } from './cells';
import type { ReportContext } from './context';

// ── Methods ───────────────────────────────────────────────────────────────────

/**
 * Invitations sent in the period (created on an Amsterdam day in it) and how many of them were
 * answered (by now: the answer may come in after the period). Both per gemeente, protected
 * across the gemeenten. The response rate is the second over the first, so never above 100%.
 */
export async function invited(db: Db, ctx: ReportContext) {
	const list = await rows(
		db,
		sql`select c.gemeente_id as m, count(*)::int as n,
			count(*) filter (where i.answered_at is not null)::int as k
		from survey_invitation i join client c on c.id = i.client_id
		where (i.created_at at time zone 'Europe/Amsterdam')::date between ${ctx.from} and ${ctx.to}
		group by grouping sets ((c.gemeente_id), ())`
	);
	const gemeenten = ctx.gemeenten.map((x) => x.id);
	const cell = (measure: 'n' | 'k') => {
		const g: Grid = new Map();
		for (const r of list) g.set(cellId(key(r.m), ALL), Number(r[measure]));
		for (const x of [...gemeenten, ALL]) if (!g.has(cellId(x, ALL))) g.set(cellId(x, ALL), 0);
		const vis = suppress(g, [
			{ total: cellId(ALL, ALL), parts: gemeenten.map((x) => cellId(x, ALL)) }
		]);
		return countCell(g, vis, ctx.selected?.id ?? ALL, ALL);
	};
	return { invited: cell('n'), answered: cell('k') };
}

/**
 * Answer sets that came in after their invitation expired, per gemeente, protected like the
 * answered count: the gemeenten add up to the total, and a late count is never shown where the
 * answered count it is part of is hidden (the build hides it then: it would bound it).
 */
export async function lateAnswers(db: Db, ctx: ReportContext) {
	const list = await rows(
		db,
		sql`select gemeente_id as m, sum(count)::int as n from survey_tally
			where item = '*late' and quarter in (${sql.join(
				ctx.quarters.map((q) => sql`${q}`),
				sql`, `
			)})
			group by grouping sets ((gemeente_id), ())`
	);
	const g: Grid = new Map();
	for (const r of list) g.set(cellId(key(r.m), ALL), Number(r.n));
	const gemeenten = ctx.gemeenten.map((x) => x.id);
	for (const x of [...gemeenten, ALL]) if (!g.has(cellId(x, ALL))) g.set(cellId(x, ALL), 0);
	const vis = suppress(g, [
		{ total: cellId(ALL, ALL), parts: gemeenten.map((x) => cellId(x, ALL)) }
	]);
	return countCell(g, vis, ctx.selected?.id ?? ALL, ALL);
}
