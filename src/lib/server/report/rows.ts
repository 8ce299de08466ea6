import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';

// Counting helpers of the council report: rows of a query as one JSON value, and several
// splits of the same rows per gemeente with their margins.

export type Row = Record<string, unknown>;

/**
 * The rows of a query, sent as one JSON value: a few thousand small rows arrive several times
 * faster that way, on PGlite above all (each row of a result costs there). Counts come as
 * numbers, ids and categories as strings; the order of the rows is not kept.
 */
export async function rows(db: Db, query: SQL): Promise<Row[]> {
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
 * here from those sums, which is exact because the measures are whole numbers (counts, sums of
 * cents) and every row has one category in each split. The sums are bigint in SQL (a year's
 * terugvorderingen of a gemeente can pass 2^31 cents, € 21,474,836.47) and whole numbers below
 * 2^53 here, checked (`withMargins`). Split, measure and extra column names come from this
 * module, never from input.
 */
export async function perGemeenteSplits<S extends string>(
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
		sql`select ${sql.raw(cols)}, ${sql.raw(names.map((n) => `sum("${n}")::bigint as "${n}"`).join(', '))},
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
export function withMargins<S extends string>(
	out: Record<S, Row[]>,
	names: string[],
	extra: string[]
): Record<S, Row[]> {
	const add = (into: Map<string, Row>, id: string, r: Row, fields: Row) => {
		const acc = into.get(id) ?? { ...fields, ...Object.fromEntries(names.map((n) => [n, 0])) };
		for (const n of names) acc[n] = exactSum(Number(acc[n]), Number(r[n] ?? 0));
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

/**
 * a + b for whole numbers, refused beyond 2^53 (about € 90 trillion in cents), where a Number
 * would silently round: a published figure is exact or not published.
 */
export function exactSum(a: number, b: number): number {
	const sum = a + b;
	if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(sum))
		throw new RangeError(`report sum not exact as a number: ${a} + ${b}`);
	return sum;
}
