// The shares and chances the generated clients follow (docs/DOMAIN.md), and weighted picks.
import type { Segment } from '../../db/schema';
import type { Rng } from './random';

export const SEGMENT_SHARES: [Segment | null, number][] = [
	['werk', 17],
	['perspectief', 36],
	['meedoen', 40],
	[null, 7]
];
// Berkelland: < 27 14%, 27–35 16%, 35–45 20%, 45–55 25%, 55–65 25%.
export const AGE_BANDS: [[number, number], number][] = [
	[[18, 26], 14],
	[[27, 34], 16],
	[[35, 44], 20],
	[[45, 54], 25],
	[[55, 66], 25]
];
// Benefit duration in years (Berkelland 2019); the last band is "more than five years".
export const DURATION_BANDS: [[number, number], number][] = [
	[[0, 0.5], 15],
	[[0.5, 1], 8],
	[[1, 2], 13],
	[[2, 3], 10],
	[[3, 4], 10],
	[[4, 5], 7],
	[[5, 14], 37]
];
// Chosen so that overall about one client in six is a statushouder.
export const STATUSHOUDER_P: Record<Segment | 'none', number> = {
	werk: 0.08,
	perspectief: 0.15,
	meedoen: 0.22,
	none: 0.2
};
// Chosen so that about 15% of clients have left the benefit.
export const OUTFLOW_P: Record<Segment | 'none', number> = {
	werk: 0.32,
	perspectief: 0.17,
	meedoen: 0.07,
	none: 0.15
};
export const LADDER: Record<Segment | 'none', [number, number][]> = {
	werk: [
		[3, 5],
		[4, 25],
		[5, 40],
		[6, 30]
	],
	perspectief: [
		[2, 15],
		[3, 45],
		[4, 35],
		[5, 5]
	],
	meedoen: [
		[1, 30],
		[2, 45],
		[3, 20],
		[4, 5]
	],
	none: [
		[1, 30],
		[2, 40],
		[3, 30]
	]
};

export function weightedIndex(cumulative: number[], rng: Rng): number {
	const r = rng.next() * cumulative[cumulative.length - 1]!;
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid]! > r) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

export function cumulativeOf(weights: number[]): number[] {
	let sum = 0;
	return weights.map((w) => (sum += w));
}
