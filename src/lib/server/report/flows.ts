import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { quarterDays, quartersEndingWith, shiftQuarter } from '../../quarters';
import { cellId, suppress, type Visibility } from './suppression';
import { rows } from './rows';
import { ALL, countCell, key, protectSizes, type CountCell, type Grid } from './cells';
import type { ReportContext } from './context';
import { flowRates } from './rates';
import { PERIODS } from './benefit-periods';

// ── Bestand over eight quarters, inflow and outflow rates (issue #13 §7) ──────
// The same figures as the bestand table (size at the end of each quarter, inflow, outflow),
// each quarter suppressed exactly as that quarter's own report does it: the sizes across the
// gemeenten, inflow and outflow with the bestand identity (`protectFlows`, shared with
// bestand.ts). So the trend shows no cell the quarter's report hides.

export const BESTAND_TREND_QUARTERS = 8;

/**
 * Inflow and outflow per gemeente protected with the bestand identity: a reader knows
 * size(end) − size(day before) = inflow − outflow (docs/REPORT.md "Suppression"). Every hidden
 * cell is "verborgen" ("< 10" on both could pin both). `g` holds inflow and outflow, `size`
 * gives the two bestand sizes per gemeente.
 */
export function protectFlows(
	g: Grid,
	size: (gemeente: string, which: 'before' | 'size') => number,
	gemeenten: string[]
): Map<string, Visibility> {
	const all = [...gemeenten, ALL];
	// In one fixed order, so the bestand table and the trend hide the same cells.
	const ordered: Grid = new Map(
		['inflow', 'outflow'].flatMap((c) =>
			all.map((x): [string, number] => [cellId(x, c), g.get(cellId(x, c)) ?? 0])
		)
	);
	const vis = suppress(
		ordered,
		(['inflow', 'outflow'] as const).map((c) => ({
			total: cellId(ALL, c),
			parts: gemeenten.map((x) => cellId(x, c))
		})),
		{
			kinds: false,
			equations: all.map((x) => ({
				terms: [
					[cellId(x, 'inflow'), 1],
					[cellId(x, 'outflow'), -1]
				] as [string, number][],
				constant: size(x, 'before') - size(x, 'size')
			}))
		}
	);
	// A hidden inflow beside a shown outflow of 0 (or the other way round) is the growth of the
	// bestand, and a zero is never hidden by `suppress`. So the zero is hidden too ("verborgen"
	// for inflow and outflow may stand for 0), and a line of gemeenten with one hidden cell
	// hides one more, until every identity and every line has two hidden cells or none.
	const hidden = (id: string) => vis.get(id) !== 'shown';
	const n = (id: string) => ordered.get(id) ?? 0;
	const lines = (['inflow', 'outflow'] as const).map((c) => [
		cellId(ALL, c),
		...gemeenten.map((x) => cellId(x, c))
	]);
	for (let changed = true; changed;) {
		changed = false;
		for (const x of all) {
			const pair = [cellId(x, 'inflow'), cellId(x, 'outflow')];
			const shown = pair.filter((id) => !hidden(id));
			if (shown.length === 1) {
				vis.set(shown[0]!, 'secondary');
				changed = true;
			}
		}
		for (const line of lines) {
			if (line.filter(hidden).length !== 1) continue;
			const pick =
				line
					.slice(1)
					.filter((id) => !hidden(id))
					.sort((a, b) => n(a) - n(b) || a.localeCompare(b))[0] ?? line[0]!;
			if (!hidden(pick)) {
				vis.set(pick, 'secondary');
				changed = true;
			}
		}
	}
	return vis;
}

/** The bestand sizes on given days, per gemeente and in total (the bestand table's rule). */
function sizesOn(days: { q: string; day: string }[]) {
	const values = sql.join(
		days.map((d) => sql`(${d.q}, ${d.day}::date)`),
		sql`, `
	);
	// The periods open on each day (benefit-periods.ts); one outflow per benefit period (unique
	// index), so a left join finds the period's end.
	return sql`select c.gemeente_id as m, d.q, 'size' as c, count(*)::int as n
		from ${PERIODS} p join client c on c.id = p.client_id
		left join outflow o on o.client_id = p.client_id and o.benefit_start = p.start
		cross join (values ${values}) d(q, day)
		where p.start <= d.day and (o.date is null or o.date > d.day)
		group by grouping sets ((c.gemeente_id, d.q), (d.q))`;
}

export interface TrendPoint {
	key: string;
	size: CountCell;
	inflow: CountCell;
	outflow: CountCell;
	inflowRate: number | null;
	outflowRate: number | null;
}

/**
 * The last eight quarters up to the period's last one, with the quarter before them for the
 * first outflow rate. Rates only from shown figures.
 */
export async function bestandTrend(db: Db, ctx: ReportContext) {
	const last = ctx.quarters[ctx.quarters.length - 1]!;
	const quarters = quartersEndingWith(last, BESTAND_TREND_QUARTERS);
	const before = shiftQuarter(quarters[0]!, -1);
	const ranges = sql.join(
		quarters.map((q) => sql`(${q}, ${quarterDays(q).from}::date, ${quarterDays(q).to}::date)`),
		sql`, `
	);
	const list = await rows(
		db,
		sql`${sizesOn([before, ...quarters].map((q) => ({ q, day: quarterDays(q).to })))}
		union all
		select c.gemeente_id, r.q, 'inflow', count(*)::int from ${PERIODS} p
			join client c on c.id = p.client_id
			join (values ${ranges}) r(q, f, t) on p.start between r.f and r.t
			group by grouping sets ((c.gemeente_id, r.q), (r.q))
		union all
		select c.gemeente_id, r.q, 'outflow', count(*)::int from outflow o
			join client c on c.id = o.client_id
			join (values ${ranges}) r(q, f, t) on o.date between r.f and r.t
			group by grouping sets ((c.gemeente_id, r.q), (r.q))`
	);
	const gemeenten = ctx.gemeenten.map((x) => x.id);
	const m = ctx.selected?.id ?? ALL;
	const grids = new Map<string, Grid>();
	const grid = (q: string) => grids.get(q) ?? grids.set(q, new Map()).get(q)!;
	for (const r of list) grid(String(r.q)).set(cellId(key(r.m), String(r.c)), Number(r.n));
	const sizeOf = (q: string, x: string) => grid(q).get(cellId(x, 'size')) ?? 0;
	/** The sizes of one quarter end, protected across the gemeenten. */
	const sizeCells = (q: string) => {
		const g: Grid = new Map([...gemeenten, ALL].map((x) => [cellId(x, ALL), sizeOf(q, x)]));
		// The same rule as the bestand tables (cells.ts), so both hide the same sizes.
		return countCell(g, protectSizes(g, gemeenten), m, ALL);
	};
	let previous = sizeCells(before);
	const points: TrendPoint[] = quarters.map((q, i) => {
		const prior = i === 0 ? before : quarters[i - 1]!;
		const g: Grid = new Map();
		for (const c of ['inflow', 'outflow'])
			for (const x of [...gemeenten, ALL]) g.set(cellId(x, c), grid(q).get(cellId(x, c)) ?? 0);
		const vis = protectFlows(
			g,
			(x, which) => (which === 'before' ? sizeOf(prior, x) : sizeOf(q, x)),
			gemeenten
		);
		const size = sizeCells(q);
		const inflow = countCell(g, vis, m, 'inflow');
		const outflow = countCell(g, vis, m, 'outflow');
		const rates = flowRates({
			before: previous.n,
			size: size.n,
			inflow: inflow.n,
			outflow: outflow.n
		});
		previous = size;
		return { key: q, size, inflow, outflow, ...rates };
	});
	return { quarters, points };
}

/** The rates of the report's own period from its (suppressed) bestand figures. */
export function periodRates(
	trend: { points: TrendPoint[] },
	quarters: string[],
	b: { size: CountCell; inflow: CountCell; outflow: CountCell }
) {
	const before = shiftQuarter(quarters[0]!, -1);
	const point = trend.points.find((p) => p.key === before);
	return flowRates({
		before: point ? point.size.n : null,
		size: b.size.n,
		inflow: b.inflow.n,
		outflow: b.outflow.n
	});
}
