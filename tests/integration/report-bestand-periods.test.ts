import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { gemeente } from '../../src/lib/server/db/schema';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import { EACH, withPeriods } from './benefit-periods-fixture';

// Issue #13: one definition of the bestand, inflow and outflow, from benefit periods (the same
// periods the inflow cohorts use). A re-entry is a new inflow, a client between two periods is
// not in the bestand, and size(end) = size(day before the quarter) + inflow − outflow.
// Twelve clients of each kind, so suppression hides nothing; one gemeente.

const now = new Date('2026-11-20T08:00:00Z');

const size = (r: Report) => r.bestand.segment.total.cells.n.n;

describeEachDatabase(
	'council report: bestand, inflow and outflow from benefit periods',
	(database) => {
		const reports = new Map<string, Report>();

		beforeAll(async () => {
			const { db } = database();
			const [g] = await db
				.insert(gemeente)
				.values({ code: 'bp', name: 'Periodestad' })
				.returning({ id: gemeente.id });
			const id = g!.id;
			// On the benefit all the time: the base.
			await withPeriods(db, id, ['2024-01-01'], [null]);
			// Left on the last day of Q2: outflow in Q2, not in the bestand on 30 June.
			await withPeriods(db, id, ['2024-01-01'], ['2026-06-30']);
			// Left the day after: in the bestand on 30 June, outflow in Q3.
			await withPeriods(db, id, ['2024-01-01'], ['2026-07-01']);
			// Between two periods on 30 June (left in May, back in August): not in the bestand
			// then, but in it on 31 March, and back as a new inflow in Q3.
			await withPeriods(db, id, ['2024-01-01', '2026-08-03'], ['2026-05-04', null]);
			// Started in Q1 and left in Q1, back in Q3: an inflow in Q1 and one in Q3.
			await withPeriods(db, id, ['2026-01-15', '2026-07-15'], ['2026-03-01', null]);
			// Left and came back twice within Q2: two outflows and one inflow in Q2.
			await withPeriods(
				db,
				id,
				['2024-01-01', '2026-04-20', '2026-06-01'],
				['2026-04-10', '2026-05-15', null]
			);
			for (const quarter of ['2026-Q1', '2026-Q2', '2026-Q3'])
				reports.set(
					quarter,
					(await buildReport(db, { quarter, period: 'quarter', gemeente: null }, now))!
				);
		}, 120_000);

		it('a client between two periods is not in the bestand; the one who left the day after is', () => {
			// Q1 end: base, left 30/6, left 1/7, between (still in first period), twice-in-Q2.
			expect(size(reports.get('2026-Q1')!)).toBe(5 * EACH);
			// Q2 end: base, left 1/7, twice-in-Q2 (back since 1 June).
			expect(size(reports.get('2026-Q2')!)).toBe(3 * EACH);
			// Q3 end: base, twice-in-Q2, the two re-entries of Q3.
			expect(size(reports.get('2026-Q3')!)).toBe(4 * EACH);
		});

		it('a re-entry is a new inflow, every period that ends is an outflow', () => {
			const flows = (q: string) => {
				const b = reports.get(q)!.bestand;
				return [b.inflow.n, b.outflow.n];
			};
			expect(flows('2026-Q1')).toEqual([EACH, EACH]);
			// Outflow on 30 June is in Q2; two outflows of one client in Q2 count twice.
			expect(flows('2026-Q2')).toEqual([2 * EACH, 4 * EACH]);
			// Outflow on 1 July is in Q3; the two re-entries are inflows of Q3.
			expect(flows('2026-Q3')).toEqual([2 * EACH, EACH]);
		});

		it('size(t) = size(t−1) + inflow − outflow, quarter after quarter', () => {
			for (const [a, b] of [
				['2026-Q1', '2026-Q2'],
				['2026-Q2', '2026-Q3']
			] as const) {
				const r = reports.get(b)!.bestand;
				expect(size(reports.get(b)!), b).toBe(size(reports.get(a)!)! + r.inflow.n! - r.outflow.n!);
			}
		});

		it('the trend draws the same figures', () => {
			const t = reports.get('2026-Q3')!.indicators!.bestandTrend.points;
			for (const q of ['2026-Q1', '2026-Q2', '2026-Q3']) {
				const p = t.find((x) => x.key === q)!;
				const b = reports.get(q)!.bestand;
				expect([p.size.n, p.inflow.n, p.outflow.n], q).toEqual([
					size(reports.get(q)!),
					b.inflow.n,
					b.outflow.n
				]);
			}
		});

		it('duration counts from the start of the period the client is in', () => {
			// On 31 March the between-client is in the period from 2024 (2–4 years), not from August.
			const d = reports.get('2026-Q1')!.bestand.duration;
			expect(d.rows.find((r) => r.key === '2-4')?.cells.n.n).toBe(5 * EACH);
			expect(d.rows.find((r) => r.key === '0-1')?.cells.n.n ?? 0).toBe(0);
		});
	}
);
