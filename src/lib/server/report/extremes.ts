import { lineTerms, pinned, type Equation, type Line, type Visibility } from './suppression';

// Extreme shares of sensitive outcomes (issue #13, docs/REPORT.md "Extreme shares"). A share
// of 0% or 100% says something about every person in the group (attribute or group
// disclosure), however large the group: "100% of the 12 clients in segment X disagreed". So a
// share whose count k or n − k is at most EXTREME_BAND is not published as a number: at n of
// at least EXTREME_MIN_N it reads "(bijna) niemand" / "(bijna) iedereen", below that it is
// hidden. Its interval and its norm colour go with it (only possible at 0% or 100%), and so
// does its count k, which other shares on the same line would give back (the total's k less
// the others'): another share of that line is hidden too until no extreme k can be worked out
// (`protectShares`, the reader's reasoning of suppression.ts `pinned`). A mean rapportcijfer
// of (almost) only 10s or only 1s is the same disclosure; `GRADE` applies the rule to it.

/** D: a share with k ≤ D or n − k ≤ D is "extreme". */
export const EXTREME_BAND = 2;
/** N_MIN: the smallest n at which an extreme share is shown as words; below it, hidden. */
export const EXTREME_MIN_N = 20;

/**
 * 'none' "(bijna) niemand", 'all' "(bijna) iedereen"; 'hidden': no share (an extreme share
 * below N_MIN, or a share hidden so an extreme one cannot be worked out). n stays shown.
 */
export type Extreme = 'none' | 'all' | 'hidden';

/**
 * What k counts and how near its ends it is extreme. A share: k persons out of n, extreme
 * within D of 0 or n. A mean rapportcijfer (1–10) of n grades: k = the sum of the grades less n
 * (the points above 1, 0 to 9n), extreme when at most D points (or, for large n, so few that
 * the mean would read 10,0 or 1,0: 0.05 × n) separate it from everyone a 1 or everyone a 10.
 * Then at least n − D (or 95%) gave that grade: "(bijna) iedereen een 10".
 */
export interface Scale {
	/** The most one person adds to k. */
	per: number;
	/** The band at either end in which k is extreme, for a group of n. */
	width: (n: number) => number;
}
export const SHARE: Scale = { per: 1, width: () => EXTREME_BAND };
export const GRADE: Scale = {
	per: 9,
	width: (n) => Math.max(EXTREME_BAND, Math.floor(n / 20))
};

/** The rule for one share of k out of n, or a mean's k with GRADE (null: shown as a number). */
export function extremeOf(n: number, k: number, scale: Scale = SHARE): Extreme | null {
	if (n <= 0) return null;
	const top = scale.per * n;
	const w = scale.width(n);
	const side = k <= w ? 'none' : top - k <= w ? 'all' : null;
	if (!side) return null;
	return n >= EXTREME_MIN_N ? side : 'hidden';
}

/**
 * What a reader may know of a masked share's k: the band it truly lies in (at most D, at
 * least n − D, or in between). For a share hidden below N_MIN this is more than the reader
 * knows (they cannot tell the side), so the check errs on the safe side.
 */
function band(n: number, k: number, scale: Scale): [number, number] {
	const top = scale.per * n;
	const w = scale.width(n);
	if (k <= w) return [0, Math.min(w, top)];
	if (top - k <= w) return [Math.max(0, top - w), top];
	return [w + 1, top - w - 1];
}

/**
 * Which shares of a table are masked. `n` and `k` per cell id, `vis` the suppression of n
 * (a hidden n hides its share anyway), `lines` the table's lines (the k add up like the n).
 * First the extreme shares; then, while a reader pins the k of a masked share from the
 * shown k of its lines (interval propagation with the bands above; a share whose n is hidden
 * has k between 0 and its n), the smallest shown share beside it on such a line is masked
 * 'hidden'. O(cells) when nothing is extreme.
 */
export function protectShares(
	n: Map<string, number>,
	k: Map<string, number>,
	vis: Map<string, Visibility>,
	lines: Line[],
	scale: Scale = SHARE
): Map<string, Extreme> {
	const masked = new Map<string, Extreme>();
	const shown = (id: string) => (vis.get(id) ?? 'shown') === 'shown';
	for (const [id, nn] of n) {
		if (!shown(id)) continue;
		const e = extremeOf(nn, k.get(id) ?? 0, scale);
		if (e) masked.set(id, e);
	}
	if (masked.size === 0) return masked;
	const equations: Equation[] = lines.map((l) => ({ terms: lineTerms(l) }));
	const kOf = new Map<string, number>();
	for (const id of n.keys()) kOf.set(id, k.get(id) ?? 0);
	const given = new Set<string>();
	for (;;) {
		const state = new Map<string, Visibility>();
		const bounds = new Map<string, [number, number]>();
		for (const [id, nn] of n) {
			if (shown(id) && !masked.has(id)) {
				state.set(id, 'shown');
				continue;
			}
			state.set(id, 'secondary');
			bounds.set(id, shown(id) ? band(nn, kOf.get(id)!, scale) : [0, scale.per * nn]);
		}
		const leak = pinned(kOf, equations, state, true, bounds).find(
			(id) => shown(id) && masked.get(id) !== undefined && !given.has(id)
		);
		if (leak === undefined) return masked;
		const candidate = (id: string | undefined) =>
			id !== undefined && n.has(id) && shown(id) && !masked.has(id) && (n.get(id) ?? 0) > 0;
		const beside = lines.filter((l) => l.total === leak || l.parts.includes(leak));
		const pick =
			beside
				.flatMap((l) => l.parts.filter(candidate))
				.sort((a, b) => n.get(a)! - n.get(b)! || a.localeCompare(b))[0] ??
			beside.map((l) => l.total).find(candidate);
		if (pick) masked.set(pick, 'hidden');
		// Nothing left to hide beside it: the extreme share's n is its only protection (the
		// tests report it).
		else given.add(leak);
	}
}
