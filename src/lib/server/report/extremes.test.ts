import { describe, expect, it } from 'vitest';
import { EXTREME_BAND, EXTREME_MIN_N, extremeOf, protectShares } from './extremes';
import { cellId, lineTerms, pinned, suppress, tableLines, type Visibility } from './suppression';
import { shareCell } from './cells';

// The extremes rule (docs/REPORT.md "Extreme shares"): a share with k or n − k at most D is
// "(bijna) niemand" / "(bijna) iedereen" from N_MIN on, hidden below it; and no masked k can
// be worked out from the shown k of its lines.

const D = EXTREME_BAND;
const N = EXTREME_MIN_N;

describe('extremeOf', () => {
	it('uses the documented numbers', () => {
		expect(D).toBe(2);
		expect(N).toBe(20);
	});

	it('at N_MIN: k up to D is "(bijna) niemand", from n − D "(bijna) iedereen"', () => {
		expect(extremeOf(N, 0)).toBe('none');
		expect(extremeOf(N, D)).toBe('none');
		expect(extremeOf(N, D + 1)).toBeNull();
		expect(extremeOf(N, N - D - 1)).toBeNull();
		expect(extremeOf(N, N - D)).toBe('all');
		expect(extremeOf(N, N)).toBe('all');
	});

	it('below N_MIN an extreme share is hidden, the others shown', () => {
		expect(extremeOf(N - 1, 0)).toBe('hidden');
		expect(extremeOf(N - 1, N - 1)).toBe('hidden');
		expect(extremeOf(N - 1, D)).toBe('hidden');
		expect(extremeOf(N - 1, N - 1 - D)).toBe('hidden');
		expect(extremeOf(N - 1, D + 1)).toBeNull();
		expect(extremeOf(10, 0)).toBe('hidden');
		expect(extremeOf(10, 10)).toBe('hidden');
		expect(extremeOf(10, 5)).toBeNull();
	});

	it('a large group: only the band of D counts as extreme', () => {
		expect(extremeOf(500, 2)).toBe('none');
		expect(extremeOf(500, 3)).toBeNull();
		expect(extremeOf(500, 497)).toBeNull();
		expect(extremeOf(500, 498)).toBe('all');
		expect(extremeOf(0, 0)).toBeNull();
	});
});

describe('shareCell with the rule', () => {
	it('keeps n and drops share and interval (an interval ending at 100% gives it away)', () => {
		expect(shareCell(25, 25, 'shown', 0.87, 1, 'all')).toEqual({
			n: 25,
			share: null,
			low: null,
			high: null,
			hidden: false,
			extreme: 'all'
		});
		expect(shareCell(25, 25, 'secondary', 0.87, 1, 'all')).toEqual({
			n: null,
			share: null,
			low: null,
			high: null,
			hidden: 'secondary'
		});
		expect(shareCell(25, 10, 'shown', 0.2, 0.6, null).share).toBe(0.4);
	});
});

/** The k a reader pins from the published cells (the bands of the rule), as protectShares checks. */
function readerPins(
	n: Map<string, number>,
	k: Map<string, number>,
	vis: Map<string, Visibility>,
	masked: Map<string, string>,
	lines: { total: string; parts: string[] }[]
) {
	const state = new Map<string, Visibility>();
	const bounds = new Map<string, [number, number]>();
	for (const [id, nn] of n) {
		const m = masked.get(id);
		if ((vis.get(id) ?? 'shown') !== 'shown') {
			state.set(id, 'secondary');
			bounds.set(id, [0, nn]);
		} else if (!m) state.set(id, 'shown');
		else {
			state.set(id, 'secondary');
			bounds.set(
				id,
				m === 'none' ? [0, D] : m === 'all' ? [nn - D, nn] : nn >= N ? [D + 1, nn - D - 1] : [0, nn]
			);
		}
	}
	return pinned(
		k,
		lines.map((l) => ({ terms: lineTerms(l) })),
		state,
		true,
		bounds
	);
}

describe('protectShares', () => {
	const line = (parts: [string, number, number][]) => {
		const n = new Map<string, number>([['*', parts.reduce((a, p) => a + p[1], 0)]]);
		const k = new Map<string, number>([['*', parts.reduce((a, p) => a + p[2], 0)]]);
		for (const [id, nn, kk] of parts) {
			n.set(id, nn);
			k.set(id, kk);
		}
		return { n, k, lines: [{ total: '*', parts: parts.map((p) => p[0]) }] };
	};

	it('nothing extreme: nothing masked', () => {
		const { n, k, lines } = line([
			['a', 20, 10],
			['b', 30, 3],
			['c', 40, 37]
		]);
		expect(protectShares(n, k, suppress(n, lines), lines).size).toBe(0);
	});

	it('100% of 20 beside shown shares: the total less the others would give k = 20, so one more is hidden', () => {
		const { n, k, lines } = line([
			['a', 20, 20],
			['b', 30, 15],
			['c', 40, 20]
		]);
		const vis = suppress(n, lines);
		// Without the second share hidden, the reader pins a's k (90 − 15 − 20 − … = 20).
		const alone = new Map([['a', 'all']]);
		expect(readerPins(n, k, vis, alone, lines)).toContain('a');
		const masked = protectShares(n, k, vis, lines);
		expect(masked.get('a')).toBe('all');
		// The smallest other share beside it.
		expect(masked.get('b')).toBe('hidden');
		expect(masked.has('c')).toBe(false);
		expect(readerPins(n, k, vis, masked, lines)).toEqual([]);
	});

	it('0% of 19 is hidden, and protected the same way', () => {
		const { n, k, lines } = line([
			['a', 19, 0],
			['b', 30, 15],
			['c', 40, 20]
		]);
		const vis = suppress(n, lines);
		const masked = protectShares(n, k, vis, lines);
		expect(masked.get('a')).toBe('hidden');
		expect(masked.size).toBe(2);
		expect(readerPins(n, k, vis, masked, lines)).toEqual([]);
	});

	it('k = D + 1 is shown as a number and needs no protection', () => {
		const { n, k, lines } = line([
			['a', 20, D + 1],
			['b', 30, 15],
			['c', 40, 20]
		]);
		expect(protectShares(n, k, suppress(n, lines), lines).size).toBe(0);
	});

	it('a share whose n is hidden is not masked (it is not shown at all)', () => {
		const { n, k, lines } = line([
			['a', 5, 5],
			['b', 30, 15],
			['c', 40, 20]
		]);
		const vis = suppress(n, lines);
		expect(vis.get('a')).toBe('primary');
		expect(protectShares(n, k, vis, lines).has('a')).toBe(false);
	});

	it('in a table (gemeenten × categories) no masked k is pinned through rows or columns', () => {
		const rows = ['g1', 'g2', 'g3'];
		const cols = ['werk', 'meedoen', 'perspectief'];
		const n = new Map<string, number>();
		const k = new Map<string, number>();
		const data: Record<string, [number, number][]> = {
			g1: [
				[25, 25],
				[30, 12],
				[40, 20]
			],
			g2: [
				[20, 0],
				[35, 20],
				[45, 30]
			],
			g3: [
				[50, 25],
				[22, 21],
				[60, 31]
			]
		};
		for (const r of rows)
			cols.forEach((c, i) => {
				n.set(cellId(r, c), data[r]![i]![0]);
				k.set(cellId(r, c), data[r]![i]![1]);
			});
		for (const r of [...rows, '*'])
			for (const c of [...cols, '*']) {
				if (r !== '*' && c !== '*') continue;
				const ids = [...n.keys()].filter(
					(id) =>
						!id.includes('*') &&
						(r === '*' || id.startsWith(`${r}|`)) &&
						(c === '*' || id.endsWith(`|${c}`))
				);
				n.set(
					cellId(r, c),
					ids.reduce((a, id) => a + n.get(id)!, 0)
				);
				k.set(
					cellId(r, c),
					ids.reduce((a, id) => a + k.get(id)!, 0)
				);
			}
		const lines = tableLines(rows, cols);
		const vis = suppress(n, lines);
		const masked = protectShares(n, k, vis, lines);
		expect(masked.get(cellId('g1', 'werk'))).toBe('all');
		expect(masked.get(cellId('g2', 'werk'))).toBe('none');
		expect(masked.get(cellId('g3', 'meedoen'))).toBe('all');
		expect(readerPins(n, k, vis, masked, lines)).toEqual([]);
	});
});
