import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/lib/server/report/indicators';
import { attack, type View } from './report-attacker';

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
