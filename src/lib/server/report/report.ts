import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	instrument,
	instrumentText,
	gemeente,
	survey,
	surveyText,
	TALLY_SPLITS,
	type TallySplit
} from '../db/schema';
import { quarterDays, quartersEndingWith, shiftQuarter } from '../../quarters';
import { agreeShare, gradeStats, normColour, wilson, type ValueCounts } from './indicators';
import { cellId, suppress, tableLines, type Line, type Visibility } from './suppression';
import { normsForYear, type NormRow } from './norms';

// The council report (DOMAIN.md "The council report"). Every figure is counted in SQL, for all
// gemeenten at once with their totals (grouping sets), so suppression sees the whole table
// whichever gemeente is on screen. A hidden figure never leaves this module.

export type Period = 'quarter' | 'year';

export interface ReportQuery {
	quarter: string;
	period: Period;
	/** Gemeente code; null is the whole dienst. */
	gemeente: string | null;
}

export type Hidden = false | 'primary' | 'secondary';
export interface CountCell {
	n: number | null;
	hidden: Hidden;
}
export interface ShareCell extends CountCell {
	share: number | null;
	low: number | null;
	high: number | null;
}
export interface Colour {
	colour: 'green' | 'orange' | 'red';
	norm: NormRow;
}

const ALL = '*';
const TREND_QUARTERS = 8;

type Row = Record<string, unknown>;

/**
 * The rows of a query, sent as one JSON value: a few thousand small rows arrive several times
 * faster that way, on PGlite above all (each row of a result costs there). Counts come as
 * numbers, ids and categories as strings; the order of the rows is not kept.
 */
async function rows(db: Db, query: SQL): Promise<Row[]> {
	const result: unknown = await db.execute(
		sql`select coalesce(json_agg(x), '[]'::json) as j from (${query}) x`
	);
	const list = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
	const j = list[0]?.j;
	return (typeof j === 'string' ? JSON.parse(j) : j) as Row[];
}

/**
 * Several splits of the same rows in one pass. The database groups the rows once by gemeente,
 * every split and the extra columns (a few hundred groups, whatever the number of rows), then
 * sums those per split and gemeente; the margins (all gemeenten, all categories) are added up
 * here from those sums, which is exact because the measures are counts and every row has one
 * category in each split. Split, measure and extra column names come from this module, never
 * from input.
 */
async function perGemeenteSplits<S extends string>(
	db: Db,
	inner: SQL,
	splits: readonly S[],
	measures: Record<string, SQL>,
	extra: string[] = []
): Promise<Record<S, Row[]>> {
	const names = Object.keys(measures);
	const cols = ['m', ...splits, ...extra].join(', ');
	const ex = extra.length ? `, ${extra.join(', ')}` : '';
	const sets = splits.map((s) => `(m, ${s}${ex})`).join(', ');
	const flags = splits.map((s) => `grouping(${s}) as "g_${s}"`).join(', ');
	const list = await rows(
		db,
		sql`select ${sql.raw(cols)}, ${sql.raw(names.map((n) => `sum("${n}")::int as "${n}"`).join(', '))},
				${sql.raw(flags)}
			from (select ${sql.raw(cols)}, ${sql.join(
				names.map((n) => sql`${measures[n]} as ${sql.raw(`"${n}"`)}`),
				sql`, `
			)} from (${inner}) x group by ${sql.raw(cols)}) y
			group by grouping sets (${sql.raw(sets)})`
	);
	const out = Object.fromEntries(splits.map((s) => [s, [] as Row[]])) as Record<S, Row[]>;
	for (const r of list) {
		const which = splits.length === 1 ? splits[0] : splits.find((s) => Number(r[`g_${s}`]) === 0);
		if (which) out[which].push({ ...r, c: r[which] });
	}
	return withMargins(out, names, extra);
}

/**
 * Adds the margins to counts per (gemeente m, category c, extra columns) of each split: per
 * category for all gemeenten (m null), and the totals per gemeente and overall (c null, from
 * the first split: every split's categories add up to the same totals).
 */
function withMargins<S extends string>(
	out: Record<S, Row[]>,
	names: string[],
	extra: string[]
): Record<S, Row[]> {
	const add = (into: Map<string, Row>, id: string, r: Row, fields: Row) => {
		const acc = into.get(id) ?? { ...fields, ...Object.fromEntries(names.map((n) => [n, 0])) };
		for (const n of names) acc[n] = Number(acc[n]) + Number(r[n] ?? 0);
		into.set(id, acc);
	};
	const extraOf = (r: Row) => Object.fromEntries(extra.map((e) => [e, r[e]]));
	const extraKey = (r: Row) => extra.map((e) => String(r[e])).join('|');
	const splits = Object.keys(out) as S[];
	const totals = new Map<string, Row>();
	splits.forEach((s, i) => {
		const byCategory = new Map<string, Row>();
		for (const r of out[s]) {
			add(byCategory, `${String(r.c)}|${extraKey(r)}`, r, { ...extraOf(r), m: null, c: r.c });
			if (i === 0) {
				add(totals, `${String(r.m)}|${extraKey(r)}`, r, { ...extraOf(r), m: r.m, c: null });
				add(totals, `*|${extraKey(r)}`, r, { ...extraOf(r), m: null, c: null });
			}
		}
		out[s].push(...byCategory.values());
	});
	for (const s of splits) out[s].push(...totals.values());
	return out;
}

const key = (v: unknown) => (v === null || v === undefined ? ALL : String(v));

/** A count per (gemeente, category) with '*' margins, as grouping sets give them. */
type Grid = Map<string, number>;

function gridOf(list: Row[], col: string, measure = 'n'): Grid {
	const g: Grid = new Map();
	for (const r of list) g.set(cellId(key(r.m), key(r[col])), Number(r[measure] ?? 0));
	return g;
}

/** Categories in their natural order (never by size: splits are side by side, not ranked). */
const ORDER: string[] = [
	'werk',
	'perspectief',
	'meedoen',
	'nl',
	'en',
	'ar',
	'werk_lks',
	'opleiding',
	'verhuizing',
	'andere_uitkering',
	'up',
	'same',
	'down',
	'yes',
	'no',
	'other',
	'none'
];
function byOrder(a: string, b: string): number {
	const ia = ORDER.indexOf(a);
	const ib = ORDER.indexOf(b);
	return (ia < 0 ? 50 : ia) - (ib < 0 ? 50 : ib) || a.localeCompare(b);
}

function categoriesOf(grid: Grid): string[] {
	const cats = new Set<string>();
	for (const id of grid.keys()) {
		const c = id.slice(id.indexOf('|') + 1);
		if (c !== ALL) cats.add(c);
	}
	return [...cats].sort(byOrder);
}

/** Fills missing cells with 0 so every line is complete, then suppresses. */
function protect(grid: Grid, gemeenten: string[], cats: string[], extra: Line[] = []) {
	for (const m of [...gemeenten, ALL])
		for (const c of [...cats, ALL]) if (!grid.has(cellId(m, c))) grid.set(cellId(m, c), 0);
	return suppress(grid, [...tableLines(gemeenten, cats), ...extra]);
}

function countCell(grid: Grid, vis: Map<string, Visibility>, m: string, c: string): CountCell {
	const id = cellId(m, c);
	const v = vis.get(id) ?? 'shown';
	return v === 'shown' ? { n: grid.get(id) ?? 0, hidden: false } : { n: null, hidden: v };
}

function shareCell(
	n: number,
	k: number,
	visibility: Visibility | undefined,
	low: number | null,
	high: number | null
): ShareCell {
	if (visibility && visibility !== 'shown') {
		return { n: null, share: null, low: null, high: null, hidden: visibility };
	}
	return { n, share: n > 0 ? k / n : null, low, high, hidden: false };
}

export interface ReportContext {
	gemeenten: { id: string; code: string; name: string }[];
	selected: { id: string; code: string; name: string } | null;
	quarters: string[];
	from: string;
	to: string;
}

/** Gemeente by code, or null for the whole dienst; undefined when the code is unknown. */
export async function reportContext(db: Db, q: ReportQuery): Promise<ReportContext | undefined> {
	const gemeenten = await db
		.select({ id: gemeente.id, code: gemeente.code, name: gemeente.name })
		.from(gemeente)
		.orderBy(asc(gemeente.name));
	const selected = q.gemeente ? gemeenten.find((g) => g.code === q.gemeente) : null;
	if (selected === undefined) return undefined;
	const quarters = q.period === 'year' ? quartersEndingWith(q.quarter, 4) : [q.quarter];
	return {
		gemeenten,
		selected,
		quarters,
		from: quarterDays(quarters[0]!).from,
		to: quarterDays(quarters[quarters.length - 1]!).to
	};
}

// ── Klanttevredenheid ─────────────────────────────────────────────────────────

// Segment, language group and instrument: the categories are those of tallyCategories().
export type SplitName = TallySplit;

async function satisfaction(db: Db, ctx: ReportContext, gradeCodes: string[]) {
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	// The item × value counts per gemeente and category of each split, from the split tally.
	const list = await rows(
		db,
		sql`select gemeente_id as m, split, category as c, item, value, sum(count)::int as n
			from survey_tally_split where quarter in (${sql.join(
				ctx.quarters.map((q) => sql`${q}`),
				sql`, `
			)})
			group by gemeente_id, split, category, item, value`
	);
	const bySplit = withMargins(
		Object.fromEntries(TALLY_SPLITS.map((s) => [s, list.filter((r) => r.split === s)])) as Record<
			SplitName,
			Row[]
		>,
		['n'],
		['item', 'value']
	);
	const items = new Set<string>();
	for (const r of bySplit.segment) if (!String(r.item).startsWith('*')) items.add(String(r.item));

	// Value counts per (cell id, item), with every split's columns prefixed by its name.
	const counts = new Map<string, Map<string, ValueCounts>>();
	const cats: Record<SplitName, string[]> = { segment: [], language: [], instrument: [] };
	for (const [name, list] of Object.entries(bySplit) as [SplitName, Row[]][]) {
		const seen = new Set<string>();
		for (const r of list) {
			const c = r.c === null ? ALL : `${name}:${r.c}`;
			if (c !== ALL) seen.add(String(r.c));
			const id = cellId(key(r.m), c);
			const item = String(r.item);
			const perItem = counts.get(item) ?? new Map<string, ValueCounts>();
			const vc = perItem.get(id) ?? {};
			vc[Number(r.value)] = Number(r.n);
			perItem.set(id, vc);
			counts.set(item, perItem);
		}
		cats[name] = [...seen].sort(byOrder);
	}

	const lines = TALLY_SPLITS.flatMap((name) =>
		tableLines(
			gemeenten,
			cats[name].map((c) => `${name}:${c}`)
		)
	);
	const allIds = [
		...[...gemeenten, ALL].flatMap((g) => [
			cellId(g, ALL),
			...TALLY_SPLITS.flatMap((name) => cats[name].map((c) => cellId(g, `${name}:${c}`)))
		])
	];

	const summarise = (item: string, grade: boolean) => {
		const perItem = counts.get(item) ?? new Map<string, ValueCounts>();
		const stats = new Map(
			allIds.map((id) => [id, grade ? gradeStats(perItem.get(id) ?? {}) : null])
		);
		const shares = new Map(allIds.map((id) => [id, agreeShare(perItem.get(id) ?? {})]));
		const n = new Map(allIds.map((id) => [id, grade ? stats.get(id)!.n : shares.get(id)!.n]));
		const vis = suppress(n, lines);
		return { stats, shares, vis };
	};

	const agreeItems = [...items].filter((i) => !gradeCodes.includes(i)).sort(itemOrder);
	const result = agreeItems.map((item) => {
		const { shares, vis } = summarise(item, false);
		const cell = (id: string) => {
			const s = shares.get(id)!;
			return shareCell(s.n, s.k, vis.get(id), s.interval?.low ?? null, s.interval?.high ?? null);
		};
		return {
			code: item,
			total: cell(cellId(m, ALL)),
			splits: Object.fromEntries(
				TALLY_SPLITS.map((name) => [
					name,
					cats[name].map((c) => ({ key: c, cell: cell(cellId(m, `${name}:${c}`)) }))
				])
			) as Record<SplitName, { key: string; cell: ShareCell }[]>
		};
	});

	const gradeItem = [...items].find((i) => gradeCodes.includes(i));
	let grade = null as null | {
		n: number | null;
		mean: number | null;
		failShare: number | null;
		hidden: Hidden;
		segments: {
			key: string;
			n: number | null;
			mean: number | null;
			failShare: number | null;
			hidden: Hidden;
		}[];
	};
	if (gradeItem) {
		const { stats, vis } = summarise(gradeItem, true);
		const at = (id: string) => {
			const s = stats.get(id)!;
			const v = vis.get(id) ?? 'shown';
			return v === 'shown'
				? { n: s.n, mean: s.mean, failShare: s.failShare, hidden: false as const }
				: { n: null, mean: null, failShare: null, hidden: v };
		};
		grade = {
			...at(cellId(m, ALL)),
			segments: cats.segment.map((c) => ({ key: c, ...at(cellId(m, `segment:${c}`)) }))
		};
	}

	// Answer sets and invitations in the period, per gemeente.
	const answeredGrid = new Map<string, number>();
	for (const r of bySplit.segment)
		if (r.item === '*' && r.c === null) {
			answeredGrid.set(
				cellId(key(r.m), ALL),
				(answeredGrid.get(cellId(key(r.m), ALL)) ?? 0) + Number(r.n)
			);
		}
	for (const g of [...gemeenten, ALL])
		if (!answeredGrid.has(cellId(g, ALL))) answeredGrid.set(cellId(g, ALL), 0);
	const answeredVis = suppress(answeredGrid, [
		{ total: cellId(ALL, ALL), parts: gemeenten.map((g) => cellId(g, ALL)) }
	]);
	return {
		items: result,
		grade,
		categories: cats,
		answered: countCell(answeredGrid, answeredVis, m, ALL)
	};
}

const ITEM_ORDER = ['serious', 'together', 'easy', 'fits', 'closer', 'rights'];
function itemOrder(a: string, b: string) {
	const ia = ITEM_ORDER.indexOf(a);
	const ib = ITEM_ORDER.indexOf(b);
	return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

async function trend(db: Db, ctx: ReportContext, lastQuarter: string, gradeCodes: string[]) {
	const quarters = quartersEndingWith(lastQuarter, TREND_QUARTERS);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const list = await rows(
		db,
		sql`select quarter as q, gemeente_id as m, item, value, sum(count)::int as n
			from survey_tally_quarter where quarter in (${sql.join(
				quarters.map((q) => sql`${q}`),
				sql`, `
			)}) and item not like '*%'
			group by grouping sets ((quarter, gemeente_id, item, value), (quarter, item, value))`
	);
	const counts = new Map<string, ValueCounts>();
	const items = new Set<string>();
	for (const r of list) {
		const id = `${r.q}|${key(r.m)}|${r.item}`;
		items.add(String(r.item));
		const vc = counts.get(id) ?? {};
		vc[Number(r.value)] = Number(r.n);
		counts.set(id, vc);
	}
	const agreeItems = [...items].filter((i) => !gradeCodes.includes(i)).sort(itemOrder);
	return {
		quarters,
		items: agreeItems.map((item) => ({
			code: item,
			points: quarters.map((q) => {
				// Each quarter's gemeenten add up to its total: one line per quarter.
				const n = new Map<string, number>();
				const shares = new Map<string, ReturnType<typeof agreeShare>>();
				for (const g of [...gemeenten, ALL]) {
					const s = agreeShare(counts.get(`${q}|${g}|${item}`) ?? {});
					n.set(g, s.n);
					shares.set(g, s);
				}
				const vis = suppress(n, [{ total: ALL, parts: gemeenten }]);
				const s = shares.get(m)!;
				return {
					quarter: q,
					...shareCell(s.n, s.k, vis.get(m), s.interval?.low ?? null, s.interval?.high ?? null)
				};
			})
		}))
	};
}

// ── Inzet instrumenten ────────────────────────────────────────────────────────

export const USE_MEASURES = ['started', 'running', 'completed', 'stopped', 'workFound'] as const;

async function instrumentUses(db: Db, ctx: ReportContext) {
	const lists = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m, u.instrument_id as instrument,
				coalesce(c.segment, 'none') as segment, u.start_date, u.end_date, u.outcome
			from instrument_use u join client c on c.id = u.client_id
			where u.start_date <= ${ctx.to} and (u.end_date is null or u.end_date >= ${ctx.from})`,
		['instrument', 'segment'] as const,
		{
			started: sql`count(*) filter (where start_date >= ${ctx.from})`,
			running: sql`count(*) filter (where end_date is null or end_date > ${ctx.to})`,
			completed: sql`count(*) filter (where end_date <= ${ctx.to} and outcome = 'completed')`,
			stopped: sql`count(*) filter (where end_date <= ${ctx.to} and outcome = 'stopped_early')`,
			workFound: sql`count(*) filter (where end_date <= ${ctx.to} and outcome = 'work_found')`
		}
	);
	return {
		byInstrument: measuresTable(lists.instrument, ctx, USE_MEASURES),
		bySegment: measuresTable(lists.segment, ctx, USE_MEASURES)
	};
}

function measuresTable<M extends string>(list: Row[], ctx: ReportContext, measures: readonly M[]) {
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const grids = Object.fromEntries(measures.map((k) => [k, gridOf(list, 'c', k)])) as Record<
		M,
		Grid
	>;
	const cats = [...new Set(measures.flatMap((k) => categoriesOf(grids[k])))].sort(byOrder);
	const vis = Object.fromEntries(
		measures.map((k) => [k, protect(grids[k], gemeenten, cats)])
	) as Record<M, Map<string, Visibility>>;
	const rowOf = (c: string) => ({
		key: c,
		cells: Object.fromEntries(
			measures.map((k) => [k, countCell(grids[k], vis[k], m, c)])
		) as Record<M, CountCell>
	});
	return {
		rows: cats.map(rowOf).filter((r) => Object.values<CountCell>(r.cells).some((x) => x.n !== 0)),
		total: rowOf(ALL)
	};
}

// ── Effect ────────────────────────────────────────────────────────────────────

async function outflowByReason(db: Db, ctx: ReportContext) {
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
async function effect(db: Db, ctx: ReportContext, months: 6 | 12) {
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
async function ladder(db: Db, ctx: ReportContext) {
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

// ── Bestand ───────────────────────────────────────────────────────────────────

// Age and duration on the last day of the period, as "born after the day N years before":
// the same as age() < N years, but without age()'s interval comparison, which counts
// 26 years 11 months 30 days as 27 years (someone turning 27 on 1 January was 27 on 31
// December). The day's thresholds are computed once, not per client.
const BESTAND_SPLITS = {
	segment: sql.raw(`coalesce(c.segment, 'none')`),
	age: sql.raw(`case when c.birth_date > e.y27 then '18-26' when c.birth_date > e.y45 then '27-44'
		when c.birth_date > e.y55 then '45-54' else '55+' end`),
	duration:
		sql.raw(`case when c.benefit_start > e.y1 then '0-1' when c.benefit_start > e.y2 then '1-2'
		when c.benefit_start > e.y5 then '2-5' else '5+' end`),
	statushouder: sql.raw(`case when c.statushouder then 'yes' else 'no' end`)
} as const;

const THRESHOLDS = [1, 2, 5, 27, 45, 55]
	.map((y) => `(day - interval '${y} years')::date as y${y}`)
	.join(', ');

async function bestand(db: Db, ctx: ReportContext) {
	const names = Object.keys(BESTAND_SPLITS) as (keyof typeof BESTAND_SPLITS)[];
	const [lists, flows] = await Promise.all([
		perGemeenteSplits(
			db,
			sql`select c.gemeente_id as m, ${sql.join(
				names.map((n) => sql`${BESTAND_SPLITS[n]} as ${sql.raw(n)}`),
				sql`, `
			)}
			from client c cross join (select day, ${sql.raw(THRESHOLDS)} from (select ${ctx.to}::date as day) d) e
			where c.benefit_start <= e.day and not exists (select 1 from outflow o
				where o.client_id = c.id and o.benefit_start = c.benefit_start and o.date <= e.day)`,
			names,
			{ n: sql`count(*)` }
		),
		rows(
			db,
			sql`select c.gemeente_id as m, 'inflow' as c, count(*)::int as n from client c
			where c.benefit_start between ${ctx.from} and ${ctx.to}
			group by grouping sets ((c.gemeente_id), ())
		union all
		select c.gemeente_id, 'outflow', count(distinct o.client_id)::int from outflow o
			join client c on c.id = o.client_id where o.date between ${ctx.from} and ${ctx.to}
			group by grouping sets ((c.gemeente_id), ())`
		)
	]);
	const out = Object.fromEntries(
		names.map((n) => [n, measuresTable(lists[n], ctx, ['n'] as const)])
	) as Record<keyof typeof BESTAND_SPLITS, ReturnType<typeof measuresTable<'n'>>>;
	// Inflow and outflow are two separate figures per gemeente, not parts of one total.
	const flow = (c: string) => {
		const g: Grid = new Map();
		for (const r of flows) if (r.c === c) g.set(cellId(key(r.m), c), Number(r.n));
		const gemeenten = ctx.gemeenten.map((x) => x.id);
		for (const x of [...gemeenten, ALL]) if (!g.has(cellId(x, c))) g.set(cellId(x, c), 0);
		const vis = suppress(g, [{ total: cellId(ALL, c), parts: gemeenten.map((x) => cellId(x, c)) }]);
		return countCell(g, vis, ctx.selected?.id ?? ALL, c);
	};
	return { ...out, inflow: flow('inflow'), outflow: flow('outflow') };
}

// ── Methods ───────────────────────────────────────────────────────────────────

async function invited(db: Db, ctx: ReportContext) {
	const list = await rows(
		db,
		sql`select c.gemeente_id as m, count(*)::int as n
		from survey_invitation i join client c on c.id = i.client_id
		where (i.created_at at time zone 'Europe/Amsterdam')::date between ${ctx.from} and ${ctx.to}
		group by grouping sets ((c.gemeente_id), ())`
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

// ── The whole report ──────────────────────────────────────────────────────────

/**
 * Builds the whole report. The parts are independent queries, sent at once: on PostgreSQL
 * they run side by side on the pool's connections (PGlite takes them one after another).
 */
export function buildReport(db: Db, q: ReportQuery, now = new Date()) {
	return build(db, q, now);
}

async function build(db: Db, q: ReportQuery, now: Date) {
	const ctx = await reportContext(db, q);
	if (!ctx) return null;
	const surveys = await db
		.select({
			id: survey.id,
			trigger: survey.trigger,
			version: survey.version,
			items: survey.items
		})
		.from(survey);
	const gradeCodes = [
		...new Set(
			surveys.flatMap((s) => s.items.filter((i) => i.type === 'grade10').map((i) => i.code))
		)
	];
	const inQuarters = sql.join(
		ctx.quarters.map((x) => sql`${x}`),
		sql`, `
	);
	// All parts at once, the heaviest first so they start on their own connections.
	const [
		ladderPart,
		bestandPart,
		uses,
		sat,
		effect6,
		effect12,
		trendPart,
		outflowPart,
		texts,
		instruments,
		versions,
		late,
		inv,
		norms
	] = await Promise.all([
		ladder(db, ctx),
		bestand(db, ctx),
		instrumentUses(db, ctx),
		satisfaction(db, ctx, gradeCodes),
		effect(db, ctx, 6),
		effect(db, ctx, 12),
		trend(db, ctx, q.quarter, gradeCodes),
		outflowByReason(db, ctx),
		db
			.select({ questions: surveyText.questions })
			.from(surveyText)
			.where(eq(surveyText.language, 'nl')),
		db
			.select({ id: instrument.id, name: instrumentText.name })
			.from(instrument)
			.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
			.where(eq(instrumentText.language, 'nl')),
		rows(
			db,
			sql`select s.trigger, s.version, sum(t.count)::int as n from survey_tally t
					join survey s on s.id = t.survey_id
					where t.item = '*' and t.quarter in (${inQuarters})
					group by s.trigger, s.version`
		),
		rows(
			db,
			sql`select coalesce(sum(count), 0)::int as n from survey_tally where item = '*late'
					and quarter in (${inQuarters})
					${ctx.selected ? sql`and gemeente_id = ${ctx.selected.id}` : sql``}`
		),
		invited(db, ctx),
		normsForYear(db, Number(q.quarter.slice(0, 4)))
	]);
	const itemTexts: Record<string, string> = {};
	for (const t of texts) Object.assign(itemTexts, t.questions);
	const colour = (indicator: string, value: number | null): Colour | null => {
		const norm = norms.find((n) => n.indicator === indicator);
		return norm && value !== null ? { colour: normColour(value, norm), norm } : null;
	};
	const responseRate =
		sat.answered.n !== null && inv.n !== null && inv.n > 0 ? sat.answered.n / inv.n : null;

	return {
		query: q,
		generatedAt: now.toISOString(),
		gemeenten: ctx.gemeenten.map(({ code, name }) => ({ code, name })),
		gemeente: ctx.selected ? { code: ctx.selected.code, name: ctx.selected.name } : null,
		quarters: ctx.quarters,
		from: ctx.from,
		to: ctx.to,
		previousQuarter: shiftQuarter(q.quarter, -1),
		nextQuarter: shiftQuarter(q.quarter, 1),
		itemTexts,
		instrumentNames: Object.fromEntries(instruments.map((i) => [i.id, i.name])),
		methods: {
			invited: inv,
			answered: sat.answered,
			responseRate,
			late: sat.answered.n === null ? null : Number(late[0]?.n ?? 0),
			versions: versions
				.map((v) => ({ trigger: String(v.trigger), version: Number(v.version), n: Number(v.n) }))
				.sort((a, b) => a.trigger.localeCompare(b.trigger) || a.version - b.version)
		},
		satisfaction: sat.items.map((i) => ({
			...i,
			colour: colour(`agree.${i.code}`, i.total.share === null ? null : i.total.share * 100)
		})),
		grade: sat.grade && {
			...sat.grade,
			colourMean: colour('grade.mean', sat.grade.mean === null ? null : sat.grade.mean * 10),
			colourFail: colour(
				'grade.fail',
				sat.grade.failShare === null ? null : sat.grade.failShare * 100
			)
		},
		responseColour: colour('response.rate', responseRate === null ? null : responseRate * 100),
		trend: trendPart,
		uses,
		effect: {
			outflow: outflowPart,
			within6: {
				...effect6,
				colour: colour(
					'effect.work6',
					effect6.total.share === null ? null : effect6.total.share * 100
				)
			},
			within12: {
				...effect12,
				colour: colour(
					'effect.work12',
					effect12.total.share === null ? null : effect12.total.share * 100
				)
			},
			ladder: ladderPart
		},
		bestand: bestandPart,
		norms
	};
}

export type Report = NonNullable<Awaited<ReturnType<typeof buildReport>>>;
