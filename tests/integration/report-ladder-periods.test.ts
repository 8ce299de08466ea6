import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { gemeente, ladderStep } from '../../src/lib/server/db/schema';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import type { Db } from '../../src/lib/server/db/open';
import { EACH, withPeriods } from './benefit-periods-fixture';

// Issue #13: the participatieladder ("opnieuw gemeten") counts the clients in the bestand at
// the start of the period (on the day before its first day), from the same benefit periods as
// the bestand, inflow and outflow. A client between two periods then is not in it, whatever
// their client row's current benefit start says; a client back on the benefit by then is.
// Every client has step 3 from 2023; the quarter is 2026-Q2 (1 April to 30 June).

const now = new Date('2026-11-20T08:00:00Z');
const BEFORE = ['2023-06-01', 3] as const;

async function steps(db: Db, ids: string[], list: (readonly [string, number])[]) {
	await db
		.insert(ladderStep)
		.values(
			ids.flatMap((clientId) => list.map(([recordedAt, step]) => ({ clientId, step, recordedAt })))
		);
}

describeEachDatabase('council report: the ladder from benefit periods', (database) => {
	let report: Report;

	beforeAll(async () => {
		const { db } = database();
		const [g] = await db
			.insert(gemeente)
			.values({ code: 'lp', name: 'Ladderstad' })
			.returning({ id: gemeente.id });
		const id = g!.id;
		// In the bestand on 31 March:
		// on the benefit all the time, one step up in the quarter ("omhoog");
		await steps(db, await withPeriods(db, id, ['2022-01-01'], [null]), [BEFORE, ['2026-05-10', 4]]);
		// left in February and back on 31 March, one step down in the quarter ("omlaag");
		await steps(db, await withPeriods(db, id, ['2022-01-01', '2026-03-31'], ['2026-02-10', null]), [
			BEFORE,
			['2026-04-15', 2]
		]);
		// back since September 2025 (a re-entry), the same step on the quarter's last day ("gelijk");
		await steps(db, await withPeriods(db, id, ['2022-01-01', '2025-09-01'], ['2025-05-01', null]), [
			BEFORE,
			['2026-06-30', 3]
		]);
		// left on the quarter's first day: still on the benefit on 31 March, not measured again.
		await steps(db, await withPeriods(db, id, ['2022-01-01'], ['2026-04-01']), [BEFORE]);
		// Not in the bestand on 31 March:
		// between two periods at the boundary: left in March, back on 1 April (an inflow of the
		// quarter), measured in it;
		await steps(db, await withPeriods(db, id, ['2022-01-01', '2026-04-01'], ['2026-03-20', null]), [
			BEFORE,
			['2026-04-02', 5]
		]);
		// left in January and back in August (a re-entry after the quarter): off all quarter;
		await steps(db, await withPeriods(db, id, ['2022-01-01', '2026-08-03'], ['2026-01-20', null]), [
			BEFORE
		]);
		// left on 31 March.
		await steps(db, await withPeriods(db, id, ['2022-01-01'], ['2026-03-31']), [BEFORE]);
		report = (await buildReport(
			db,
			{ quarter: '2026-Q2', period: 'quarter', gemeente: 'lp' },
			now
		))!;
	}, 120_000);

	const cell = (k: string) =>
		report.effect.ladder.rows.find((x) => x.key === k)?.cells.n ?? { n: 0, hidden: false };

	it('counts the clients in the bestand at the start of the period, by their benefit periods', () => {
		expect({
			up: cell('up'),
			same: cell('same'),
			down: cell('down'),
			unmeasured: cell('unmeasured')
		}).toEqual({
			up: { n: EACH, hidden: false },
			same: { n: EACH, hidden: false },
			down: { n: EACH, hidden: false },
			unmeasured: { n: EACH, hidden: false }
		});
	});

	it('the ladder counts as many clients as the bestand on the day before the quarter', () => {
		const total = ['up', 'same', 'down', 'unmeasured'].reduce((s, k) => s + (cell(k).n ?? 0), 0);
		// Bestand on 30 June (4 kinds still on) + outflow (1 April) − inflow (1 April): 31 March.
		const b = report.bestand;
		expect(total).toBe(b.segment.total.cells.n.n! + b.outflow.n! - b.inflow.n!);
	});
});
