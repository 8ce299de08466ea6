// The dominance rule for sums of euros in the council report (docs/REPORT.md "Sums of euros:
// the dominance rule", docs/DOMAIN.md "Handhaving"). A count hides 1–9 people; a sum of euros
// can give one person away even over many besluiten, when one or two amounts make up nearly
// all of it (one terugvordering of € 40,000 among ten that total € 45,000: the reader knows
// that person owes about € 40,000).
//
// The (n, k) dominance rule (Hundepool et al., "Statistical Disclosure Control", Wiley 2012,
// chapter 4 on magnitude tables; the same rule is NK(n,k) in τ-ARGUS, the suppression tool
// developed at CBS with Eurostat): a cell is sensitive when the largest n contributions are
// more than k% of its total. Here n = 2 and k = 85: a sum is hidden when the
// two largest contributions together are more than 85% of it. A contribution is one client's
// amount in the cell (a client with two terugvorderingen in a quarter contributes their sum):
// the rule protects people, not besluiten. n = 2 catches one dominant amount (more than 85%
// alone) and also two people who together dominate (each of them, knowing their own amount,
// would learn the other's).
//
// A hidden dominated sum must also stay uncertain: a reader who learns from the gemeenten'
// total that it lies between € 45,000 and € 45,300 learns as much as from the sum itself. The
// required protection is how far the sum would have to grow before the largest two were no
// more than 85% of it (largest two × 100 / 85 − total): a reader's bounds stay at least that
// far from the true sum, so every sum they allow could also be one that is not dominated.
// The secondary suppression (suppression.ts) hides further sums until the reader's bounds are
// at least that far from the true sum on either side.

/** The number of largest contributions the rule looks at. */
export const DOMINANCE_N = 2;
/** The percentage of the total those may make up at most. */
export const DOMINANCE_K = 85;
/**
 * The rule as a published report records it (`amounts.rule`): a report frozen under another
 * rule (or none, before it existed) shows no sums (`uncheckedAmountsHidden` in handhaving.ts).
 */
export const DOMINANCE_RULE = `dominance-${DOMINANCE_N}-${DOMINANCE_K}`;

/** The sum of the largest n contributions (any order in, exact as whole cents). */
function largestSum(contributions: readonly number[]): bigint {
	return [...contributions]
		.sort((a, b) => b - a)
		.slice(0, DOMINANCE_N)
		.reduce((s, x) => s + BigInt(x), 0n);
}

/** Whether the largest two contributions are more than 85% of the total. */
export function dominated(total: number, contributions: readonly number[]): boolean {
	return dominanceProtection(total, contributions) > 0;
}

/**
 * How far (in cents) a reader's bounds must stay from the sum on either side: the smallest
 * growth of the total at which the largest two are no more than 85% of it; 0 when the sum is
 * not dominated. Exact for sums of any size (BigInt).
 */
export function dominanceProtection(total: number, contributions: readonly number[]): number {
	if (total <= 0) return 0;
	const top = largestSum(contributions);
	const t = BigInt(total);
	if (top * 100n <= t * BigInt(DOMINANCE_K)) return 0;
	// The smallest T' with top × 100 ≤ T' × k, less the total.
	const k = BigInt(DOMINANCE_K);
	return Number((top * 100n + k - 1n) / k - t);
}

/** The largest n of several lists of contributions (a margin's from its parts'), largest first. */
export function largestOf(lists: readonly (readonly number[])[]): number[] {
	return lists
		.flat()
		.sort((a, b) => b - a)
		.slice(0, DOMINANCE_N);
}
