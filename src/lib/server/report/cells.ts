import type { Verdict } from './indicators';
import type { NormRow } from './norms';
import { cellId, suppress, tableLines, type Line, type Visibility } from './suppression';
import type { Row } from './rows';
import type { ReportContext } from './context';
import type { Extreme } from './extremes';

// Cells of the council report: a grid of counts per (gemeente, category) with '*' margins,
// its suppression, and the cells a reader may see (a hidden figure is null here).

export type Hidden = false | 'primary' | 'secondary';
export interface CountCell {
	n: number | null;
	hidden: Hidden;
}
export interface ShareCell extends CountCell {
	share: number | null;
	low: number | null;
	high: number | null;
	/**
	 * Set when the share is not published as a number (extremes.ts): share, low and high are
	 * null, n stays. Missing in a report frozen before the rule.
	 */
	extreme?: Extreme;
}
export interface Colour {
	/** 'few': n below the minimum ("te weinig antwoorden"); 'uncertain': "onzeker". */
	colour: Verdict;
	norm: NormRow;
}

export const ALL = '*';

export const key = (v: unknown) => (v === null || v === undefined ? ALL : String(v));

/** A count per (gemeente, category) with '*' margins, as grouping sets give them. */
export type Grid = Map<string, number>;

export function gridOf(list: Row[], col: string, measure = 'n'): Grid {
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
	'fa',
	'prs',
	'ti',
	'tr',
	'uk',
	'so',
	'appointment',
	'instrument_end',
	'periodic',
	'werk_lks',
	'opleiding',
	'verhuizing',
	'andere_uitkering',
	'up',
	'same',
	'down',
	'unmeasured',
	'yes',
	'no',
	'other',
	'none'
];
export function byOrder(a: string, b: string): number {
	const ia = ORDER.indexOf(a);
	const ib = ORDER.indexOf(b);
	return (ia < 0 ? 50 : ia) - (ib < 0 ? 50 : ib) || a.localeCompare(b);
}

export function categoriesOf(grid: Grid): string[] {
	const cats = new Set<string>();
	for (const id of grid.keys()) {
		const c = id.slice(id.indexOf('|') + 1);
		if (c !== ALL) cats.add(c);
	}
	return [...cats].sort(byOrder);
}

/** Fills missing cells with 0 so every line is complete, then suppresses. */
export function protect(grid: Grid, gemeenten: string[], cats: string[], extra: Line[] = []) {
	for (const m of [...gemeenten, ALL])
		for (const c of [...cats, ALL]) if (!grid.has(cellId(m, c))) grid.set(cellId(m, c), 0);
	return suppress(grid, [...tableLines(gemeenten, cats), ...extra]);
}

export function countCell(
	grid: Grid,
	vis: Map<string, Visibility>,
	m: string,
	c: string
): CountCell {
	const id = cellId(m, c);
	const v = vis.get(id) ?? 'shown';
	return v === 'shown' ? { n: grid.get(id) ?? 0, hidden: false } : { n: null, hidden: v };
}

export function shareCell(
	n: number,
	k: number,
	visibility: Visibility | undefined,
	low: number | null,
	high: number | null,
	extreme?: Extreme | null
): ShareCell {
	if (visibility && visibility !== 'shown') {
		return { n: null, share: null, low: null, high: null, hidden: visibility };
	}
	// No share, interval or anything else that gives k back: only the words (or "verborgen").
	if (extreme) return { n, share: null, low: null, high: null, hidden: false, extreme };
	return { n, share: n > 0 ? k / n : null, low, high, hidden: false };
}

/**
 * A stock per gemeente with its dienst total (the bestand size, cells `gemeente|*`), protected
 * across the gemeenten. One rule for the bestand tables and the bestand trend, so both hide the
 * same sizes: a gemeente with 1–9 people is "< 10", and since the dienst less the other
 * gemeenten would give it, the smallest other gemeente is "verborgen" too (docs/REPORT.md "A
 * gemeente with fewer than 10 people").
 */
export function protectSizes(grid: Grid, gemeenten: string[]): Map<string, Visibility> {
	const totals = [...gemeenten, ALL].map((g) => cellId(g, ALL));
	return suppress(new Map(totals.map((id) => [id, grid.get(id) ?? 0])), [
		{ total: cellId(ALL, ALL), parts: gemeenten.map((g) => cellId(g, ALL)) }
	]);
}

export function measuresTable<M extends string>(
	list: Row[],
	ctx: ReportContext,
	measures: readonly M[]
) {
	return measuresTables({ table: list }, ctx, measures).table;
}

/**
 * Tables of the same people split in different ways (the bestand by segment, age, duration
 * and statushouder): their totals per gemeente are one figure, so they are suppressed as one
 * table with shared totals. Apart, a total hidden in one table was shown in another and gave
 * back what it protected (the attacker's "bestand-tables" relation, issue #13).
 * `publishedTotals`: the totals are shown elsewhere too (the bestand in its trend): only a
 * total of 1–9 is hidden, never one to protect a cell (the others are hidden instead).
 */
export function measuresTables<T extends string, M extends string>(
	lists: Record<T, Row[]>,
	ctx: ReportContext,
	measures: readonly M[],
	options: { publishedTotals?: boolean } = {}
) {
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const tables = Object.keys(lists) as T[];
	const grids = {} as Record<M, Grid>;
	const cats = {} as Record<T, string[]>;
	for (const t of tables) {
		const own = measures.map((k) => gridOf(lists[t], 'c', k));
		cats[t] = [...new Set(own.flatMap((g) => categoriesOf(g)))].sort(byOrder);
		measures.forEach((k, i) => {
			const grid = (grids[k] ??= new Map());
			for (const [id, n] of own[i]!) {
				const [row, col] = [id.slice(0, id.indexOf('|')), id.slice(id.indexOf('|') + 1)];
				// The totals (col '*') are the same in every table: kept once.
				grid.set(col === ALL ? id : cellId(row, `${t}:${col}`), n);
			}
		});
	}
	const lines = tables.flatMap((t) =>
		tableLines(
			gemeenten,
			cats[t].map((c) => `${t}:${c}`)
		)
	);
	const vis = {} as Record<M, Map<string, Visibility>>;
	for (const k of measures) {
		const grid = (grids[k] ??= new Map());
		for (const row of [...gemeenten, ALL])
			for (const col of [ALL, ...tables.flatMap((t) => cats[t].map((c) => `${t}:${c}`))])
				if (!grid.has(cellId(row, col))) grid.set(cellId(row, col), 0);
		const fixed = options.publishedTotals ? [...gemeenten, ALL].map((g) => cellId(g, ALL)) : [];
		// The totals hidden as the bestand trend hides them (`protectSizes`): a gemeente of 1–9
		// with a second one, never more.
		const sizes = options.publishedTotals ? protectSizes(grid, gemeenten) : null;
		vis[k] = suppress(grid, lines, {
			equations: fixed.length ? [{ terms: [], fixed }] : [],
			hidden: fixed.filter((id) => sizes?.get(id) !== 'shown')
		});
	}
	const rowOf = (id: string, c: string) => ({
		key: c,
		cells: Object.fromEntries(
			measures.map((k) => [k, countCell(grids[k], vis[k], m, id)])
		) as Record<M, CountCell>
	});
	return Object.fromEntries(
		tables.map((t) => [
			t,
			{
				rows: cats[t]
					.map((c) => rowOf(`${t}:${c}`, c))
					.filter((r) => Object.values<CountCell>(r.cells).some((x) => x.n !== 0)),
				total: rowOf(ALL, ALL)
			}
		])
	) as Record<T, { rows: ReturnType<typeof rowOf>[]; total: ReturnType<typeof rowOf> }>;
}
