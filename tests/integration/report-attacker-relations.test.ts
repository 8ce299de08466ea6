import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/lib/server/report/indicators';
import { attack, extremeLeaks, type View } from './report-attacker';

// The attacker's relations between measures (issue #13, session 8) on small hand-made reports,
// so each relation is seen to recover what it can: without them these hidden figures stay
// hidden to the attacker.

const share = (n: number, k: number, hidden: false | 'primary' | 'secondary' = false) =>
	hidden
		? { n: null, share: null, low: null, high: null, hidden }
		: { n, share: n > 0 ? k / n : null, ...(wilson(k, n) ?? { low: null, high: null }), hidden };
const truth = (n: number, k: number) => share(n, k);

/** One satisfaction item with a segment split: [key, n, k, hidden] per category. */
function satisfaction(
	cats: [string, number, number, false | 'primary' | 'secondary'][],
	raw = false
) {
	const n = cats.reduce((a, c) => a + c[1], 0);
	const k = cats.reduce((a, c) => a + c[2], 0);
	return {
		satisfaction: [
			{
				code: 'easy',
				total: share(n, k),
				splits: {
					segment: cats.map(([key, cn, ck, h]) => ({
						key,
						cell: raw ? truth(cn, ck) : share(cn, ck, h)
					}))
				}
			}
		]
	};
}

describe('report attacker: relations between measures', () => {
	it('a share shown with its n gives k, and the hidden cells of a line share what is left', () => {
		// Two hidden cells whose k add up to 0: both are 0 ("nobody in them agreed").
		const g1: [string, number, number, false | 'primary' | 'secondary'][] = [
			['werk', 5, 0, 'primary'],
			['perspectief', 20, 10, false],
			['meedoen', 12, 0, 'secondary']
		];
		// Another gemeente with every cell shown confirms the relation on visible figures.
		const g2: [string, number, number, false | 'primary' | 'secondary'][] = [
			['werk', 15, 5, false],
			['perspectief', 20, 10, false],
			['meedoen', 12, 6, false]
		];
		const views: View[] = [
			{
				view: 'Q:2025-Q1',
				selection: 'g1',
				report: satisfaction(g1),
				truth: satisfaction(g1, true)
			},
			{
				view: 'Q:2025-Q1',
				selection: 'g2',
				report: satisfaction(g2),
				truth: satisfaction(g2, true)
			}
		];
		const result = attack(views, '2025', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], '2024-Q4');
		const ids = result.recovered.map((r) => r.id);
		expect(ids).toContain('Q:2025-Q1|g1|satisfaction.easy.splits.segment.werk.cell.k');
		expect(ids).toContain('Q:2025-Q1|g1|satisfaction.easy.splits.segment.meedoen.cell.k');
		// n itself stays hidden: two hidden cells, one line.
		expect(ids).not.toContain('Q:2025-Q1|g1|satisfaction.easy.splits.segment.werk.cell');
	});

	it('the same people in two bestand tables: a total hidden in one is read from the other', () => {
		const table = (
			rows: [string, number, false | 'primary' | 'secondary'][],
			total: number | null
		) => ({
			rows: rows.map(([key, n, hidden]) => ({
				key,
				cells: { n: { n: hidden ? null : n, hidden } }
			})),
			total: {
				key: '*',
				cells: {
					n: total === null ? { n: null, hidden: 'secondary' } : { n: total, hidden: false }
				}
			}
		});
		const report = (total: number | null, raw = false) => ({
			bestand: {
				segment: table(
					[
						['werk', 30, false],
						['meedoen', 18, false]
					],
					48
				),
				duration: table(
					[
						['0-1', 4, raw ? false : 'primary'],
						['4+', 44, raw ? false : 'secondary']
					],
					raw ? 48 : total
				)
			}
		});
		const views: View[] = [
			{ view: 'Q:2025-Q1', selection: 'g1', report: report(null), truth: report(48, true) },
			{ view: 'Q:2025-Q1', selection: 'g2', report: report(48, true), truth: report(48, true) }
		];
		const result = attack(views, '2025', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], '2024-Q4');
		expect(result.recovered.map((r) => r.id)).toContain(
			'Q:2025-Q1|g1|bestand.duration.total.cells.n'
		);
	});
});

describe('report attacker: extreme shares (report/extremes.ts)', () => {
	/** A masked share as the report publishes it: n, no figures, the mark. */
	const masked = (n: number, extreme: 'none' | 'all' | 'hidden') => ({
		n,
		share: null,
		low: null,
		high: null,
		hidden: false as const,
		extreme
	});
	const report = (cells: Record<string, ReturnType<typeof share> | ReturnType<typeof masked>>) => {
		const all = Object.values(cells) as { n: number }[];
		const n = all.reduce((a, c) => a + c.n, 0);
		return {
			satisfaction: [
				{
					code: 'easy',
					total: share(n, Math.round(n * 0.6)),
					splits: {
						segment: Object.entries(cells).map(([key, cell]) => ({ key, cell }))
					}
				}
			]
		};
	};
	const views = (g1: Record<string, ReturnType<typeof share> | ReturnType<typeof masked>>) => {
		const truthG1 = { werk: share(20, 20), perspectief: share(20, 3), meedoen: share(20, 13) };
		const g2 = { werk: share(20, 10), perspectief: share(20, 8), meedoen: share(20, 18) };
		return [
			{ view: 'Q:2025-Q1', selection: 'g1', report: report(g1), truth: report(truthG1) },
			{ view: 'Q:2025-Q1', selection: 'g2', report: report(g2), truth: report(g2) }
		] as View[];
	};
	const QS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

	it('"(bijna) iedereen" beside shown shares: the total less the others gives k = n', () => {
		// 20 of 20 agreed: masked, but the other two shares and the total are shown.
		const v = views({ werk: masked(20, 'all'), perspectief: share(20, 3), meedoen: share(20, 13) });
		const result = attack(v, '2025', QS, '2024-Q4');
		expect(result.recovered.map((r) => r.id)).toContain(
			'Q:2025-Q1|g1|satisfaction.easy.splits.segment.werk.cell.k'
		);
		expect(extremeLeaks(v, result.recovered)).toEqual([
			'Q:2025-Q1|g1|satisfaction.easy.splits.segment.werk.cell'
		]);
	});

	it('with a second share hidden beside it (protectShares) the k stays in its band', () => {
		const v = views({
			werk: masked(20, 'all'),
			perspectief: masked(20, 'hidden'),
			meedoen: share(20, 13)
		});
		const result = attack(v, '2025', QS, '2024-Q4');
		expect(extremeLeaks(v, result.recovered)).toEqual([]);
	});

	it('a 100% shown as a figure, or with an interval ending at 100%, is a leak', () => {
		const shown = views({ werk: share(20, 20), perspectief: share(20, 3), meedoen: share(20, 13) });
		expect(extremeLeaks(shown, [])).toEqual([
			'Q:2025-Q1|g1|satisfaction.easy.splits.segment.werk.cell'
		]);
		const onlyInterval = views({
			werk: { ...share(20, 20), share: null },
			perspectief: share(20, 3),
			meedoen: share(20, 13)
		});
		expect(extremeLeaks(onlyInterval, [])).toHaveLength(1);
	});
});
