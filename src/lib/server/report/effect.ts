import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { quarterDays, shiftQuarter } from '../../quarters';
import { wilson, type EffectWindow } from './indicators';
import { cellId, suppress, tableLines, type Visibility } from './suppression';
import { protectShares, type Extreme } from './extremes';
import { perGemeenteSplits, rows } from './rows';
import { openPeriodsOn } from './benefit-periods';
import {
	ALL,
	categoriesOf,
	gridOf,
	key,
	measuresTable,
	protect,
	shareCell,
	type Grid
} from './cells';
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
 * The effect in one window (docs/REPORT.md "Indicator definitions", pure rule
 * `clientEffect`/`effectWithin`). The cohort is the uses that ended in this period ('during')
 * or in the period `months` earlier (6, 12: every window has closed by the end of this period).
 * `total` counts each client once: a hit when any of their uses is; for 6 and 12 a use the
 * client left the benefit during is out of the base. `rows` are trajecten (a client and an
 * instrument, the last use of the cohort), per instrument, with their own total `trajecten`.
 */
export async function effect(db: Db, ctx: ReportContext, window: EffectWindow) {
	const back = window === 'during' ? 0 : window / 3;
	const from = quarterDays(shiftQuarter(ctx.quarters[0]!, -back)).from;
	const to = quarterDays(shiftQuarter(ctx.quarters[ctx.quarters.length - 1]!, -back)).to;
	const work = sql`o.client_id = u.client_id and o.reason in ('werk', 'werk_lks', 'opleiding')`;
	const hit =
		window === 'during'
			? sql`exists (select 1 from outflow o where ${work}
					and o.date between u.start_date and u.end_date)`
			: sql`exists (select 1 from outflow o where ${work} and o.date > u.end_date
					and o.date <= (u.end_date + make_interval(months => ${window}))::date)`;
	const left =
		window === 'during'
			? sql`false`
			: sql`exists (select 1 from outflow o where o.client_id = u.client_id
					and o.date between u.start_date and u.end_date)`;
	const uses = sql`select u.client_id, u.instrument_id, u.end_date, ${hit} as hit, ${left} as gone
		from instrument_use u where u.end_date between ${from} and ${to}`;
	const [{ c: list }, clients] = await Promise.all([
		perGemeenteSplits(
			db,
			sql`select c.gemeente_id as m, t.instrument_id as c, t.hit
				from (select distinct on (x.client_id, x.instrument_id) x.client_id, x.instrument_id, x.hit
					from (${uses}) x where not x.gone
					order by x.client_id, x.instrument_id, x.end_date desc) t
				join client c on c.id = t.client_id`,
			['c'],
			{ n: sql`count(*)`, k: sql`count(*) filter (where hit)` }
		),
		rows(
			db,
			sql`select c.gemeente_id as m, count(*)::int as n, count(*) filter (where p.hit)::int as k
				from (select client_id, bool_or(hit and not gone) as hit from (${uses}) x
					group by client_id having bool_or(not gone)) p
				join client c on c.id = p.client_id
				group by grouping sets ((c.gemeente_id), ())`
		)
	]);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const share = (
		nGrid: Grid,
		kGrid: Grid,
		vis: Map<string, Visibility>,
		masked: Map<string, Extreme>,
		id: string
	) => {
		const n = nGrid.get(id) ?? 0;
		const k = kGrid.get(id) ?? 0;
		const ci = wilson(k, n);
		return shareCell(n, k, vis.get(id), ci?.low ?? null, ci?.high ?? null, masked.get(id));
	};
	const nGrid = gridOf(list, 'c', 'n');
	const kGrid = gridOf(list, 'c', 'k');
	const cats = categoriesOf(nGrid);
	const vis = protect(nGrid, gemeenten, cats);
	// 0% or 100% to work of a group is about every person in it (extremes.ts).
	const masked = protectShares(nGrid, kGrid, vis, tableLines(gemeenten, cats));
	// Clients per gemeente, protected across the gemeenten (they add up to the total).
	const cn: Grid = new Map();
	const ck: Grid = new Map();
	for (const r of clients) {
		cn.set(cellId(key(r.m), ALL), Number(r.n));
		ck.set(cellId(key(r.m), ALL), Number(r.k));
	}
	for (const g of [...gemeenten, ALL]) {
		if (!cn.has(cellId(g, ALL))) cn.set(cellId(g, ALL), 0);
	}
	const across = [{ total: cellId(ALL, ALL), parts: gemeenten.map((g) => cellId(g, ALL)) }];
	const cvis = suppress(cn, across);
	const cmasked = protectShares(cn, ck, cvis, across);
	return {
		window,
		months: window === 'during' ? null : window,
		from,
		to,
		rows: cats
			.map((c) => ({ key: c, cell: share(nGrid, kGrid, vis, masked, cellId(m, c)) }))
			.filter((r) => r.cell.n !== 0),
		trajecten: share(nGrid, kGrid, vis, masked, cellId(m, ALL)),
		total: share(cn, ck, cvis, cmasked, cellId(m, ALL))
	};
}

/**
 * Ladder movement of the clients in the bestand at the start of the period (a benefit period
 * open on the day before its first day, the bestand's own definition in benefit-periods.ts, so
 * a client between two periods is not in it and one back by then is) with a step recorded
 * before it: among those measured again in the period ("opnieuw gemeten"), their last step
 * before it against their last step in it (up, same, down); the others are 'unmeasured'
 * ("niet opnieuw gemeten"), never "gelijk". One pass over the ladder history: the latest
 * record is the maximum of ((day number × 2³² + seq) × 16 + step), so no per-client lookup and
 * no sort; on one day with two records the one written later (the higher `seq`) counts.
 */
const LATEST = sql.raw(
	`((recorded_at - date '0001-01-01')::bigint * 4294967296 + seq) * 16 + step`
);

export async function ladder(db: Db, ctx: ReportContext) {
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m,
				case when l.e is null then 'unmeasured'
					when l.e % 16 > l.s % 16 then 'up' when l.e % 16 < l.s % 16 then 'down'
					else 'same' end as c
			from (select client_id,
					max(${LATEST}) filter (where recorded_at < ${ctx.from}) as s,
					max(${LATEST}) filter (where recorded_at >= ${ctx.from}) as e
				from ladder_step where recorded_at <= ${ctx.to} group by client_id) l
			join client c on c.id = l.client_id
			join (select distinct client_id from ${openPeriodsOn(sql`${ctx.from}::date - 1`)} x) b
				on b.client_id = l.client_id
			where l.s is not null`,
		['c'],
		{ n: sql`count(*)` }
	);
	return measuresTable(list, ctx, ['n'] as const);
}
