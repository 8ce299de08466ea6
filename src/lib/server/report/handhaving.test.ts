import { describe, expect, it } from 'vitest';
import { cellId } from './suppression';
import { ALL } from './cells';
import { percentageBand, protectHandhaving } from './handhaving';

// The protection of the handhaving grid (docs/DOMAIN.md "Handhaving"): a sum of euros is
// hidden wherever its count is, and the bands, grounds and kinds are protected together.

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
