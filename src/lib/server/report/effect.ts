import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { quarterDays, shiftQuarter } from '../../quarters';
import { wilson } from './indicators';
import { cellId } from './suppression';
import { perGemeenteSplits } from './rows';
import { ALL, categoriesOf, gridOf, measuresTable, protect, shareCell } from './cells';
import type { ReportContext } from './context';

// ── Effect ────────────────────────────────────────────────────────────────────

export async function outflowByReason(db: Db, ctx: ReportContext) {
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select distinct on (o.client_id) c.gemeente_id as m, o.reason as c
			from outflow o join client c on c.id = o.client_id
			where o.date between ${ctx.from} and ${ctx.to}
			order by o.client_id, o.date desc`,
		['c'],
		{ n: sql`count(*)` }
	);
	return measuresTable(list, ctx, ['n'] as const);
}

/**
 * Per instrument, of the clients who finished it in the period `months` earlier, the share
 * who left for work or education from its start until `months` after its end. Each client
 * counts once per instrument; the window is over for all of them by the end of this period.
 */
export async function effect(db: Db, ctx: ReportContext, months: 6 | 12) {
	const back = months / 3;
	const from = quarterDays(shiftQuarter(ctx.quarters[0]!, -back)).from;
	const to = quarterDays(shiftQuarter(ctx.quarters[ctx.quarters.length - 1]!, -back)).to;
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m, cohort.c, exists (select 1 from outflow o
				where o.client_id = cohort.client_id and o.reason in ('werk', 'werk_lks', 'opleiding')
				and o.date between cohort.start_date
					and (cohort.end_date + make_interval(months => ${months}))::date) as hit
			from (select distinct on (u.client_id, u.instrument_id) u.client_id,
					u.instrument_id as c, u.start_date, u.end_date
				from instrument_use u where u.end_date between ${from} and ${to}
				order by u.client_id, u.instrument_id, u.end_date desc) cohort
			join client c on c.id = cohort.client_id`,
		['c'],
		{ n: sql`count(*)`, k: sql`count(*) filter (where hit)` }
	);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const nGrid = gridOf(list, 'c', 'n');
	const kGrid = gridOf(list, 'c', 'k');
	const cats = categoriesOf(nGrid);
	const vis = protect(nGrid, gemeenten, cats);
	const cell = (c: string) => {
		const id = cellId(m, c);
		const n = nGrid.get(id) ?? 0;
		const k = kGrid.get(id) ?? 0;
		const ci = wilson(k, n);
		return shareCell(n, k, vis.get(id), ci?.low ?? null, ci?.high ?? null);
	};
	return {
		months,
		from,
		to,
		rows: cats.map((c) => ({ key: c, cell: cell(c) })).filter((r) => r.cell.n !== 0),
		total: cell(ALL)
	};
}

/**
 * Ladder movement of the clients on the benefit at the start of the period: their last step
 * before it against their last step at its end. One pass over the ladder history: the latest
 * record is the maximum of (day number × 16 + step), so no per-client lookup and no sort (on
 * one day with two records the higher step counts).
 */
export async function ladder(db: Db, ctx: ReportContext) {
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m,
				case when l.e % 16 > l.s % 16 then 'up' when l.e % 16 < l.s % 16 then 'down'
					else 'same' end as c
			from (select client_id,
					max((recorded_at - date '0001-01-01') * 16 + step)
						filter (where recorded_at < ${ctx.from}) as s,
					max((recorded_at - date '0001-01-01') * 16 + step) as e
				from ladder_step where recorded_at <= ${ctx.to} group by client_id) l
			join client c on c.id = l.client_id
			where l.s is not null and not exists (select 1 from outflow o where o.client_id = c.id
				and o.date < ${ctx.from} and o.benefit_start = c.benefit_start)`,
		['c'],
		{ n: sql`count(*)` }
	);
	return measuresTable(list, ctx, ['n'] as const);
}
