// Small cells in the council report (DOMAIN.md): no figure for a cell with fewer than 10
// answers or people, and secondary suppression so a hidden cell cannot be worked out from a
// total and the other cells that add up to it.

export const THRESHOLD = 10;

/** A total and the cells that add up to it (one row or column of a table with margins). */
export interface Line {
	total: string;
	parts: string[];
}

export type Visibility = 'shown' | 'primary' | 'secondary';

/**
 * Decides which cells to hide. Primary: 1–9. Zero is shown (it says nothing about a person).
 * Secondary: a line with exactly one hidden non-zero cell would give it away (total minus the
 * rest), so the smallest shown non-zero part is hidden too (or the total, when no part is
 * left). Repeated until no line gives a cell away; with a table's rows and columns as lines,
 * every hidden cell then lies on a cycle of hidden cells and cannot be solved for exactly.
 */
export function suppress(cells: Map<string, number>, lines: Line[]): Map<string, Visibility> {
	const state = new Map<string, Visibility>();
	for (const [id, n] of cells) state.set(id, n > 0 && n < THRESHOLD ? 'primary' : 'shown');
	const n = (id: string) => cells.get(id) ?? 0;
	const hidden = (id: string) => state.get(id) !== 'shown';
	for (let changed = true; changed;) {
		changed = false;
		for (const line of lines) {
			const members = [line.total, ...line.parts].filter((id) => cells.has(id));
			const hiddenNonZero = members.filter((id) => hidden(id) && n(id) > 0);
			if (hiddenNonZero.length !== 1) continue;
			const candidates = line.parts
				.filter((id) => cells.has(id) && !hidden(id) && n(id) > 0)
				.sort((a, b) => n(a) - n(b) || a.localeCompare(b));
			const pick =
				candidates[0] ??
				(cells.has(line.total) && !hidden(line.total) && n(line.total) > 0
					? line.total
					: undefined);
			if (pick) {
				state.set(pick, 'secondary');
				changed = true;
			}
		}
	}
	return state;
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
