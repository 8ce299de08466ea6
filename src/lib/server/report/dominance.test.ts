import { describe, expect, it } from 'vitest';
import { dominanceProtection, dominated, largestOf } from './dominance';

// The (2, 85) dominance rule for sums of euros (docs/REPORT.md "Sums of euros: the dominance
// rule"): hidden when the two largest clients' amounts are more than 85% of the sum.

const euros = (...amounts: number[]) => amounts.map((a) => Math.round(a * 100));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('the dominance rule', () => {
	it('finds one terugvordering of € 40,000 among ten that total € 45,000', () => {
		const amounts = euros(40_000, ...Array<number>(9).fill(555.56));
		expect(dominated(sum(amounts), amounts)).toBe(true);
	});

	it('finds two people who together dominate, though neither alone does', () => {
		const amounts = euros(20_000, 19_000, ...Array<number>(10).fill(500));
		expect(amounts[0]! / sum(amounts)).toBeLessThan(0.85);
		expect(dominated(sum(amounts), amounts)).toBe(true);
	});

	it('leaves a sum of similar amounts, and one at exactly 85%, shown', () => {
		const similar = euros(1_200, 900, 1_500, 800, 1_000, 1_100, 950, 1_300, 700, 1_050);
		expect(dominated(sum(similar), similar)).toBe(false);
		// The largest two 85.00 of 100.00: not more than 85%.
		expect(dominated(10_000, [8_000, 500, 300, 300, 300, 300, 300])).toBe(false);
		expect(dominated(10_000, [8_000, 501, 300, 300, 300, 300, 299])).toBe(true);
	});

	it('looks at the largest two whatever order they come in', () => {
		expect(dominated(10_000, [300, 8_000, 300, 1_000, 400])).toBe(true);
	});

	it('asks a hidden sum to stay uncertain up to where the largest two are 85% of it', () => {
		// 40,000 + 555.56 = 40,555.56 is 85% of 47,712.42…: at least € 2,712.39 of room.
		const amounts = euros(40_000, ...Array<number>(9).fill(555.56));
		const total = sum(amounts);
		const room = dominanceProtection(total, amounts);
		expect(total + room).toBe(4_771_243);
		expect(dominated(total + room, amounts)).toBe(false);
		expect(dominated(total + room - 1, amounts)).toBe(true);
		expect(dominanceProtection(sum(euros(100, 100, 100)) * 10, euros(100, 100, 100))).toBe(0);
	});

	it('is exact for sums far above 2^31 cents', () => {
		// € 30 million and € 5 million: 35,000,000.00 of 41,176,470.59 is 85%.
		const amounts = [3_000_000_000, 500_000_000, 400_000_000, 217_647_059];
		expect(dominated(sum(amounts), amounts)).toBe(false);
		expect(dominated(sum(amounts) - 1, amounts)).toBe(true);
	});

	it('takes the dienst’s largest from its gemeenten’s', () => {
		expect(largestOf([[5, 3], [9], [], [4, 1]])).toEqual([9, 5]);
	});
});
