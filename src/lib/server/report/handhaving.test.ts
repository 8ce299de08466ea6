import { describe, expect, it } from 'vitest';
import { bounds, cellId, lineTerms } from './suppression';
import { ALL } from './cells';
import { amountLines, percentageBand, protectHandhaving } from './handhaving';
import { dominanceProtection } from './dominance';

// The protection of the handhaving grid (docs/DOMAIN.md "Handhaving"): a sum of euros is
// hidden wherever its count is and wherever one or two clients dominate it, and the bands,
// grounds and kinds are protected together.

const row = (m: string | null, c: string | null, n: number, cents = 0) => ({ m, c, n, cents });

/** Rows as perGemeenteSplits gives them: per gemeente and category, with margins. */
function withMargins(cells: { m: string; c: string; n: number; cents?: number }[]) {
	const out = cells.map((x) => row(x.m, x.c, x.n, x.cents ?? 0));
	const add = (m: string | null, c: string | null, n: number, cents: number) => {
		const r = out.find((o) => o.m === m && o.c === c);
		if (r) {
			r.n += n;
			r.cents += cents;
		} else out.push(row(m, c, n, cents));
	};
	for (const x of cells) {
		add(null, x.c, x.n, x.cents ?? 0);
		if (!x.c.startsWith('band_')) {
			add(x.m, null, x.n, x.cents ?? 0);
			add(null, null, x.n, x.cents ?? 0);
		}
	}
	return out;
}

describe('percentage bands', () => {
	it('keeps a warning, 20%, 50% and 100% in their own bands', () => {
		expect(percentageBand(0)).toBe('band_0');
		expect(percentageBand(1)).toBe('band_1_20');
		expect(percentageBand(20)).toBe('band_1_20');
		expect(percentageBand(21)).toBe('band_21_50');
		expect(percentageBand(50)).toBe('band_21_50');
		expect(percentageBand(51)).toBe('band_51_100');
		expect(percentageBand(100)).toBe('band_51_100');
	});
});

describe('protecting counts and sums together', () => {
	it('hides the sum of one boete with its count, and a second sum so the total gives neither', () => {
		const p = protectHandhaving(
			withMargins([
				{ m: 'a', c: 'boete', n: 1, cents: 250_000 },
				{ m: 'b', c: 'boete', n: 30, cents: 900_000 },
				{ m: 'c', c: 'boete', n: 40, cents: 1_200_000 },
				{ m: 'a', c: 'terugvordering', n: 25, cents: 2_000_000 },
				{ m: 'b', c: 'terugvordering', n: 25, cents: 2_000_000 },
				{ m: 'c', c: 'terugvordering', n: 25, cents: 2_000_000 }
			]),
			['a', 'b', 'c']
		);
		expect(p.vis.get(cellId('a', 'boete'))).toBe('primary');
		// Another boete cell of the column is hidden too: the dienst minus b and c is not a.
		const column = ['a', 'b', 'c'].filter((m) => p.vis.get(cellId(m, 'boete')) !== 'shown');
		expect(column.length).toBeGreaterThanOrEqual(2);
		expect(p.vis.get(cellId(ALL, 'boete'))).toBe('shown');
		expect(p.cents.get(cellId(ALL, 'boete'))).toBe(2_350_000);
	});

	it('protects a hidden ground against the maatregelen total the bands give', () => {
		// Gemeente a: 3 maatregelen for arbeid (hidden), 20 and 20 for the other grounds; all 43
		// in one band. Without the band lines the band total (43) minus the two shown grounds
		// gives the hidden 3 back.
		const cells = [
			{ m: 'a', c: 'maatregel_arbeid', n: 3 },
			{ m: 'a', c: 'maatregel_verplichtingen', n: 20 },
			{ m: 'a', c: 'maatregel_verantwoordelijkheid', n: 20 },
			{ m: 'a', c: 'band_51_100', n: 43 },
			{ m: 'a', c: 'boete', n: 50 },
			{ m: 'b', c: 'maatregel_arbeid', n: 30 },
			{ m: 'b', c: 'maatregel_verplichtingen', n: 20 },
			{ m: 'b', c: 'maatregel_verantwoordelijkheid', n: 20 },
			{ m: 'b', c: 'band_51_100', n: 70 },
			{ m: 'b', c: 'boete', n: 50 }
		];
		const p = protectHandhaving(withMargins(cells), ['a', 'b']);
		const shown = (c: string) => p.vis.get(cellId('a', c)) === 'shown';
		expect(shown('maatregel_arbeid')).toBe(false);
		const total = shown('maatregel') ? p.counts.get(cellId('a', 'maatregel'))! : null;
		if (total !== null) {
			const grounds = ['maatregel_verplichtingen', 'maatregel_verantwoordelijkheid'];
			expect(grounds.every(shown)).toBe(false);
		}
	});
});

describe('sums of euros one or two clients dominate', () => {
	// Gemeente a: ten terugvorderingen, one of € 40,000 and nine of € 555.56 (€ 45,000.04).
	const a = [4_000_000, ...Array<number>(9).fill(55_556)];
	const cells = [
		{ m: 'a', c: 'terugvordering', n: 10, cents: 4_500_004 },
		{ m: 'b', c: 'terugvordering', n: 12, cents: 1_884_000 },
		{ m: 'c', c: 'terugvordering', n: 11, cents: 200_000 },
		{ m: 'd', c: 'terugvordering', n: 11, cents: 1_650_000 },
		{ m: 'a', c: 'boete', n: 10, cents: 300_000 },
		{ m: 'b', c: 'boete', n: 12, cents: 400_000 },
		{ m: 'c', c: 'boete', n: 11, cents: 250_000 },
		{ m: 'd', c: 'boete', n: 11, cents: 260_000 }
	];
	const largest = new Map([
		[cellId('a', 'terugvordering'), a.slice(0, 2)],
		[cellId('b', 'terugvordering'), [234_000, 220_000]],
		[cellId('c', 'terugvordering'), [30_000, 25_000]],
		[cellId('d', 'terugvordering'), [200_000, 190_000]],
		[cellId('a', 'boete'), [30_000, 30_000]],
		[cellId('b', 'boete'), [40_000, 38_000]],
		[cellId('c', 'boete'), [25_000, 24_000]],
		[cellId('d', 'boete'), [26_000, 25_000]]
	]);
	const gemeenten = ['a', 'b', 'c', 'd'];

	it('hides the dominated sum while its count of 10 is shown, and hides a second sum large enough', () => {
		const p = protectHandhaving(withMargins(cells), gemeenten, largest);
		const at = (m: string) => cellId(m, 'terugvordering');
		expect(p.vis.get(at('a'))).toBe('shown');
		expect(p.centsVis.get(at('a'))).toBe('secondary');
		// The reader's range for a, from the dienst total less the shown gemeenten, reaches the
		// sum at which the largest two are no more than 85%: c (€ 2,000) would leave too little.
		const { lo, hi } = bounds(
			p.cents,
			amountLines(gemeenten).map((l) => ({ terms: lineTerms(l) })),
			p.centsVis,
			false
		);
		const room = dominanceProtection(4_500_004, a);
		expect(room).toBeGreaterThan(200_000);
		expect(hi.get(at('a'))! - 4_500_004).toBeGreaterThanOrEqual(room);
		expect(4_500_004 - lo.get(at('a'))!).toBeGreaterThanOrEqual(room);
		// Not more than needed: one sum beside it (d, large enough at once), the dienst total and
		// the boetes stay shown.
		expect(gemeenten.filter((m) => p.centsVis.get(at(m)) !== 'shown')).toEqual(['a', 'd']);
		expect(p.centsVis.get(cellId(ALL, 'terugvordering'))).toBe('shown');
		for (const m of [...gemeenten, ALL]) expect(p.centsVis.get(cellId(m, 'boete'))).toBe('shown');
	});

	it('without the amounts per client only the counts decide: the same sum is shown', () => {
		const p = protectHandhaving(withMargins(cells), gemeenten);
		expect(p.centsVis.get(cellId('a', 'terugvordering'))).toBe('shown');
	});

	it('every hidden sum is "verborgen", also where its count is "< 10"', () => {
		const p = protectHandhaving(
			withMargins([
				...cells.filter((x) => x.m !== 'c'),
				{ m: 'c', c: 'boete', n: 3, cents: 90_000 }
			]),
			gemeenten,
			largest
		);
		expect(p.vis.get(cellId('c', 'boete'))).toBe('primary');
		expect(p.centsVis.get(cellId('c', 'boete'))).toBe('secondary');
	});
});
