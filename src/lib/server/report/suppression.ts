// Small cells in the council report (DOMAIN.md, REPORT.md "Suppression"): no figure for a cell
// with fewer than 10 answers or people, and secondary suppression so a hidden cell cannot be
// worked out from a total and the other cells that add up to it — nor from what the reader
// knows of the rule itself: a hidden cell is at least 1 (a zero is shown), a "< 10" cell at
// most 9, a secondary one at least 10.

export const THRESHOLD = 10;

/** A total and the cells that add up to it (one row or column of a table with margins). */
export interface Line {
	total: string;
	parts: string[];
}

/**
 * Any other relation a reader knows between published cells: Σ coefficient × cell + constant
 * = 0 (e.g. inflow − outflow = the growth of the bestand). `fixed` cells are published
 * elsewhere and are never hidden to protect this one.
 */
export interface Equation {
	terms: [string, number][];
	constant?: number;
	fixed?: string[];
}

export type Visibility = 'shown' | 'primary' | 'secondary';

export interface SuppressOptions {
	/** Further relations to protect against. */
	equations?: Equation[];
	/**
	 * false: every hidden cell is published as 'secondary' ("verborgen"), so a reader learns
	 * only that it is at least 1. For figures with a relation to fixed cells (the bestand
	 * identity), where "< 10" on two cells can pin both.
	 */
	kinds?: boolean;
	/**
	 * The cells hidden by a rule of their own, in place of "1–9" (sums of euros: a sum whose
	 * count is hidden or that one or two amounts dominate, report/dominance.ts). No cell is
	 * then hidden for its size alone.
	 */
	primary?: Iterable<string>;
	/**
	 * Per hidden cell, how far a reader's bounds must stay from its value on either side (a
	 * dominated sum). A hidden cell bounded closer than that is treated as a pinned one: one
	 * more cell is hidden beside it, preferably one large enough to give the room at once.
	 */
	protection?: Map<string, number>;
	/**
	 * Cells hidden from the start, as another publication of the same figure hides them (the
	 * bestand sizes across the gemeenten, shown in the bestand trend too): "verborgen", or
	 * "< 10" when they are 1–9.
	 */
	hidden?: Iterable<string>;
}

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** The terms of a line as an equation: parts − total = 0. */
export function lineTerms(line: Line): [string, number][] {
	return [[line.total, -1], ...line.parts.map((p): [string, number] => [p, 1])];
}

/**
 * Decides which cells to hide. Primary: 1–9. Zero is shown (it says nothing about a person).
 * Secondary: a line with exactly one hidden non-zero cell would give it away (total minus the
 * rest), so the smallest shown non-zero part is hidden too (or the total, when no part is
 * left). Then the reader's own reasoning is checked: every relation solved together with the
 * bounds the rule gives away (interval propagation); a hidden cell pinned to one value gets
 * one more cell hidden beside it. Repeated until nothing is pinned.
 */
export function suppress(
	cells: Map<string, number>,
	lines: Line[],
	options: SuppressOptions = {}
): Map<string, Visibility> {
	const kinds = options.kinds ?? true;
	const own = options.primary ? new Set(options.primary) : null;
	const protection = options.protection ?? new Map<string, number>();
	const before = new Set(options.hidden ?? []);
	const state = new Map<string, Visibility>();
	for (const [id, n] of cells)
		state.set(
			id,
			(own ? own.has(id) && n > 0 : n > 0 && n < THRESHOLD)
				? 'primary'
				: before.has(id) && n > 0
					? 'secondary'
					: 'shown'
		);
	const n = (id: string) => cells.get(id) ?? 0;
	const hidden = (id: string) => state.get(id) !== 'shown';
	const equations: Equation[] = [
		...lines.map((l) => ({ terms: lineTerms(l) })),
		...(options.equations ?? [])
	];
	const fixed = new Set(equations.flatMap((e) => e.fixed ?? []));
	/** The smallest shown cell, or with `need` the smallest of at least `need` (else the largest). */
	const pickIn = (members: string[], need = 0) => {
		const free = members
			.filter((id) => cells.has(id) && !hidden(id) && n(id) > 0 && !fixed.has(id))
			.sort((a, b) => n(a) - n(b) || a.localeCompare(b));
		return need > 0 ? (free.find((id) => n(id) >= need) ?? free.at(-1)) : free[0];
	};
	const given = new Set<string>();
	for (let changed = true; changed;) {
		changed = false;
		for (const line of lines) {
			const members = [line.total, ...line.parts].filter((id) => cells.has(id));
			const hiddenNonZero = members.filter((id) => hidden(id) && n(id) > 0);
			if (hiddenNonZero.length !== 1) continue;
			const pick =
				pickIn(line.parts, protection.get(hiddenNonZero[0]!) ?? 0) ??
				(cells.has(line.total) && !hidden(line.total) && n(line.total) > 0 && !fixed.has(line.total)
					? line.total
					: undefined);
			if (pick) {
				state.set(pick, 'secondary');
				changed = true;
			}
		}
		if (changed) continue;
		for (const [id, need] of exposed(cells, equations, state, kinds, protection)) {
			if (given.has(id)) continue;
			const pick = equations
				.filter((e) => e.terms.some(([t]) => t === id))
				.map((e) =>
					pickIn(
						e.terms.map(([t]) => t),
						need
					)
				)
				.find((p) => p !== undefined);
			if (pick) {
				state.set(pick, 'secondary');
				changed = true;
				break;
			}
			// Nothing left to hide beside it: cannot be protected by hiding (reported by tests).
			given.add(id);
		}
	}
	if (!kinds) for (const [id, v] of state) if (v === 'primary') state.set(id, 'secondary');
	return state;
}

/**
 * The hidden cells a reader pins to one value from the shown cells, the relations and the
 * bounds of the rule (interval propagation over all relations at once).
 */
export function pinned(
	cells: Map<string, number>,
	equations: Equation[],
	state: Map<string, Visibility>,
	kinds = true,
	/** What a reader knows of a hidden cell instead of the rule's bounds (extremes.ts). */
	known?: Map<string, [number, number]>
): string[] {
	const { lo, hi } = bounds(cells, equations, state, kinds, known);
	return [...cells.keys()].filter(
		(id) => (state.get(id) ?? 'shown') !== 'shown' && lo.get(id) === hi.get(id)
	);
}

/**
 * The hidden cells a reader pins, or bounds closer to their value than their protection, each
 * with the size a cell hidden beside it should have to give the missing room (0: any).
 */
function exposed(
	cells: Map<string, number>,
	equations: Equation[],
	state: Map<string, Visibility>,
	kinds: boolean,
	protection: Map<string, number>
): [string, number][] {
	const { lo, hi } = bounds(cells, equations, state, kinds);
	const out: [string, number][] = [];
	for (const id of cells.keys()) {
		if ((state.get(id) ?? 'shown') === 'shown') continue;
		const l = lo.get(id)!;
		const h = hi.get(id)!;
		const v = cells.get(id)!;
		const p = protection.get(id) ?? 0;
		const missing = Math.max(p - (h - v), p - (v - l));
		if (l === h) out.push([id, Math.max(missing, 0)]);
		else if (p > 0 && missing > 0) out.push([id, missing + 1]);
	}
	return out;
}

/**
 * What a reader can tell of every cell: the shown ones exactly, a hidden one between the
 * bounds of the rule, narrowed by solving every relation with the others (interval
 * propagation).
 */
export function bounds(
	cells: Map<string, number>,
	equations: Equation[],
	state: Map<string, Visibility>,
	kinds = true,
	/** What a reader knows of a hidden cell instead of the rule's bounds (extremes.ts). */
	known?: Map<string, [number, number]>
): { lo: Map<string, number>; hi: Map<string, number> } {
	const lo = new Map<string, number>();
	const hi = new Map<string, number>();
	for (const [id, v] of cells) {
		const s = state.get(id) ?? 'shown';
		if (s === 'shown') {
			lo.set(id, v);
			hi.set(id, v);
		} else {
			const b = known?.get(id);
			lo.set(id, b ? b[0] : kinds && s === 'secondary' ? THRESHOLD : 1);
			hi.set(id, b ? b[1] : kinds && s === 'primary' ? THRESHOLD - 1 : UNBOUNDED);
		}
	}
	const isKnown = (id: string) => lo.has(id);
	// Each equation's bounds as a finite sum plus a count of unbounded terms, so one term's
	// range is the whole sum less its own part: linear in the terms, not quadratic (the
	// satisfaction tables have lines of 30 and more cells, solved 8 times for the trend).
	const bounded = equations.map((e) => e.terms.filter(([id]) => isKnown(id)));
	for (let round = 0, changed = true; changed && round < 100; round++) {
		changed = false;
		for (const [ei, e] of equations.entries()) {
			const terms = bounded[ei]!;
			if (!terms.some(([id]) => (state.get(id) ?? 'shown') !== 'shown')) continue;
			// Σ b·x over the terms: at least sLo (or −∞ while loInf > 0), at most sHi (or ∞).
			let sLo = e.constant ?? 0;
			let sHi = e.constant ?? 0;
			let loInf = 0;
			let hiInf = 0;
			const add = (b: number, o: string, sign: 1 | -1) => {
				const l = b > 0 ? lo.get(o)! : hi.get(o)!;
				const h = b > 0 ? hi.get(o)! : lo.get(o)!;
				if (l === UNBOUNDED) loInf += sign;
				else sLo += sign * b * l;
				if (h === UNBOUNDED) hiInf += sign;
				else sHi += sign * b * h;
			};
			for (const [o, b] of terms) add(b, o, 1);
			for (const [id, a] of terms) {
				if ((state.get(id) ?? 'shown') === 'shown') continue;
				// The others' sum: the whole less this term.
				add(a, id, -1);
				const othersLo = loInf > 0 ? -Infinity : sLo;
				const othersHi = hiInf > 0 ? Infinity : sHi;
				// a·x = −(the others): x between −sHi/a and −sLo/a (swapped when a < 0).
				const [xl, xh] = a > 0 ? [-othersHi / a, -othersLo / a] : [-othersLo / a, -othersHi / a];
				const nl = Math.max(lo.get(id)!, Math.ceil(xl - 1e-9));
				const nh = Math.min(hi.get(id)!, Math.floor(xh + 1e-9));
				if (nl > lo.get(id)! || nh < hi.get(id)!) {
					lo.set(id, nl);
					hi.set(id, Math.max(nl, nh));
					changed = true;
				}
				add(a, id, 1);
			}
		}
	}
	return { lo, hi };
}

/** Cell id in a table of rows (e.g. gemeenten) by columns (e.g. segments); '*' is the total. */
export const cellId = (row: string, col: string) => `${row}|${col}`;

/** The lines of a table with margins: each row adds up to its total, and each column. */
export function tableLines(rows: string[], cols: string[]): Line[] {
	const allRows = [...rows, '*'];
	const allCols = [...cols, '*'];
	return [
		...allRows.map((r) => ({ total: cellId(r, '*'), parts: cols.map((c) => cellId(r, c)) })),
		...allCols.map((c) => ({ total: cellId('*', c), parts: rows.map((r) => cellId(r, c)) }))
	];
}
