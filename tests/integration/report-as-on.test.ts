import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import {
	client,
	exemptionHistory,
	gemeente,
	plan,
	planReviewHistory,
	planVersion
} from '../../src/lib/server/db/schema';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import type { Db } from '../../src/lib/server/db/open';
import { reportClients } from './report-clients';

// Issue #13: a quarter's ontheffingen and overdue plan reviews are what held on its last day,
// not what the file says when the report is built. A change made after the quarter (today, for
// the database, is long after 2026-Q2) leaves the quarter's figures as they were.

const now = new Date('2026-08-13T08:00:00Z');
const EACH = 12;
/** Twelve clients of the gemeente with the same facts. */
const clients = (db: Db, gemeenteId: string, facts: Partial<typeof client.$inferInsert>) =>
	reportClients(db, { gemeenteId, count: EACH, prefix: 'AO', benefitStart: '2025-01-01' }, facts);

const exemptions = (r: Report) =>
	Object.fromEntries(
		r.indicators!.exemptions.rows.map((row) => [row.key, row.cells.n.n])
	) as Record<string, number | null>;
const overdue = (r: Report) =>
	r.indicators!.plans.rows.find((row) => row.key === 'shared')?.cells.overdue.n;

describeEachDatabase(
	'council report: exemptions and plan reviews as on the last day',
	(database) => {
		let before: Report;
		const ids: Record<string, string[]> = {};
		const q = { quarter: '2026-Q2', period: 'quarter' as const, gemeente: null };

		beforeAll(async () => {
			const { db } = database();
			const [g] = await db
				.insert(gemeente)
				.values({ code: 'ao', name: 'Ooitstad' })
				.returning({ id: gemeente.id });
			const id = g!.id;
			ids.none = (await clients(db, id, {})).map((c) => c.id);
			ids.onTime = (
				await clients(db, id, { exemptionReason: 'Ziekte', exemptionReviewDate: '2026-09-01' })
			).map((c) => c.id);
			ids.noReview = (
				await clients(db, id, { exemptionReason: 'Mantelzorg', exemptionReviewDate: null })
			).map((c) => c.id);
			// Plans shared in January, their review date (1 May) passed with no new version.
			const planned = await clients(db, id, {});
			const plans = await db
				.insert(plan)
				.values(
					planned.map((c) => ({
						clientId: c.id,
						goal: 'Werk',
						status: 'shared' as const,
						reviewDate: '2026-05-01'
					}))
				)
				.returning({ id: plan.id });
			ids.plans = plans.map((p) => p.id);
			await db.insert(planVersion).values(
				plans.map((p) => ({
					planId: p.id,
					version: 1,
					goal: 'Werk',
					steps: [],
					sharedAt: new Date('2026-01-10T09:00:00Z')
				}))
			);
			before = (await buildReport(db, q, now))!;
		}, 120_000);

		it('counts the exemptions and overdue reviews the file holds', () => {
			expect(exemptions(before)).toMatchObject({
				none: 2 * EACH,
				onTime: EACH,
				noReview: EACH
			});
			expect(overdue(before)).toBe(EACH);
		});

		it('a change after the quarter leaves the quarter as it was, and is kept as history', async () => {
			const { db } = database();
			// Today: the exemptions end, the missing review dates are set, new exemptions start,
			// the overdue plans get a review date in the future.
			await db
				.update(client)
				.set({ exemptionReason: null, exemptionReviewDate: null })
				.where(inArray(client.id, ids.onTime!));
			await db
				.update(client)
				.set({ exemptionReviewDate: '2026-01-01' })
				.where(inArray(client.id, ids.noReview!));
			await db
				.update(client)
				.set({ exemptionReason: 'Ziekte', exemptionReviewDate: '2027-06-01' })
				.where(inArray(client.id, ids.none!));
			await db.update(plan).set({ reviewDate: '2027-03-01' }).where(inArray(plan.id, ids.plans!));
			const after = (await buildReport(db, q, now))!;
			expect(exemptions(after)).toEqual(exemptions(before));
			expect(overdue(after)).toBe(EACH);

			const history = await db
				.select()
				.from(exemptionHistory)
				.where(eq(exemptionHistory.clientId, ids.onTime![0]!))
				.orderBy(exemptionHistory.validFrom);
			expect(history.map((h) => [h.reason, h.reviewDate])).toEqual([
				['Ziekte', '2026-09-01'],
				[null, null]
			]);
			const reviews = await db
				.select()
				.from(planReviewHistory)
				.where(eq(planReviewHistory.planId, ids.plans![0]!))
				.orderBy(planReviewHistory.validFrom);
			expect(reviews.map((h) => h.reviewDate)).toEqual(['2026-05-01', '2027-03-01']);
		});
	}
);
