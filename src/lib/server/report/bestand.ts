import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { cellId } from './suppression';
import { protectFlows } from './flows';
import { perGemeenteSplits, rows } from './rows';
import { segmentOnExpr, segmentOnJoin } from './segment-on';
import { openPeriodsOn, PERIODS } from './benefit-periods';
import { ALL, countCell, key, measuresTables, type Grid } from './cells';
import type { ReportContext } from './context';

// ── Bestand ───────────────────────────────────────────────────────────────────

// Age and duration on the last day of the period, as "born after the day N years before":
// the same as age() < N years, but without age()'s interval comparison, which counts
// 26 years 11 months 30 days as 27 years (someone turning 27 on 1 January was 27 on 31
// December). The day's thresholds are computed once, not per client.
const BESTAND_SPLITS = {
	// As it was on the last day (segment-on.ts), not as it is now.
	segment: segmentOnExpr,
	age: sql.raw(`case when c.birth_date > e.y27 then '18-26' when c.birth_date > e.y45 then '27-44'
		when c.birth_date > e.y55 then '45-54' else '55+' end`),
	// "Niet meer dan 25% langer dan 4 jaar" (Dalfsen 2019): exactly 4 years is still 2–4.
	// From the start of the period the client was in on that day (b.start).
	duration: sql.raw(`case when b.start > e.y1 then '0-1' when b.start > e.y2 then '1-2'
		when b.start >= e.y4 then '2-4' else '4+' end`),
	statushouder: sql.raw(`case when c.statushouder then 'yes' else 'no' end`)
} as const;

const THRESHOLDS = [1, 2, 4, 27, 45, 55]
	.map((y) => `(day - interval '${y} years')::date as y${y}`)
	.join(', ');

export async function bestand(db: Db, ctx: ReportContext) {
	const names = Object.keys(BESTAND_SPLITS) as (keyof typeof BESTAND_SPLITS)[];
	const [lists, flows] = await Promise.all([
		perGemeenteSplits(
			db,
			sql`select c.gemeente_id as m, ${sql.join(
				names.map((n) => sql`${BESTAND_SPLITS[n]} as ${sql.raw(n)}`),
				sql`, `
			)}
			from ${openPeriodsOn(sql`${ctx.to}::date`)} b join client c on c.id = b.client_id
			cross join (select day, ${sql.raw(THRESHOLDS)} from (select ${ctx.to}::date as day) d) e
			${segmentOnJoin(ctx.to)}`,
			names,
			{ n: sql`count(*)` }
		),
		rows(
			db,
			// Benefit periods (benefit-periods.ts): every period started is an inflow, every
			// period ended an outflow, the sizes are the periods open on the two days.
			sql`select c.gemeente_id as m, 'inflow' as c, count(*)::int as n from ${PERIODS} p
			join client c on c.id = p.client_id
			where p.start between ${ctx.from}::date and ${ctx.to}::date
			group by grouping sets ((c.gemeente_id), ())
		union all
		select c.gemeente_id, 'outflow', count(*)::int from outflow o
			join client c on c.id = o.client_id where o.date between ${ctx.from} and ${ctx.to}
			group by grouping sets ((c.gemeente_id), ())
		union all
		select c.gemeente_id, d.c, count(*)::int from ${PERIODS} p
			join client c on c.id = p.client_id
			cross join (values ('size', ${ctx.to}::date), ('before', ${ctx.from}::date - 1)) d(c, day)
			left join outflow o on o.client_id = p.client_id and o.benefit_start = p.start
			where p.start <= d.day and (o.date is null or o.date > d.day)
			group by grouping sets ((c.gemeente_id, d.c), (d.c))`
		)
	]);
	// The four tables count the same people: suppressed as one with shared totals, which the
	// bestand trend shows too (never hidden to protect a cell).
	const out = measuresTables(lists, ctx, ['n'] as const, { publishedTotals: true });
	// Inflow and outflow are two separate figures per gemeente, not parts of one total, but
	// a reader knows size(end) − size(day before) = inflow − outflow from the bestand tables
	// (docs/REPORT.md "Suppression"): protected together (`protectFlows`, also the trend's).
	const g: Grid = new Map();
	const sizes: Grid = new Map();
	for (const r of flows)
		(r.c === 'inflow' || r.c === 'outflow' ? g : sizes).set(
			cellId(key(r.m), String(r.c)),
			Number(r.n)
		);
	const vis = protectFlows(
		g,
		(x, c) => sizes.get(cellId(x, c)) ?? 0,
		ctx.gemeenten.map((x) => x.id)
	);
	const flow = (c: 'inflow' | 'outflow') => countCell(g, vis, ctx.selected?.id ?? ALL, c);
	return { ...out, inflow: flow('inflow'), outflow: flow('outflow') };
}
