import { expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, gemeente, instrument, instrumentUse, user } from '../../src/lib/server/db/schema';
import { buildReport } from '../../src/lib/server/report/report';

// "Overig" so inzet adds up (issue #13 point 6): running and the four ended columns together are
// every use in the period. Checked on the figures before suppression (every cell shown here),
// since a hidden cell cannot be added up; suppression itself is tested elsewhere.
vi.mock('../../src/lib/server/report/suppression', async (original) => ({
	...(await original<typeof import('../../src/lib/server/report/suppression')>()),
	suppress: (cells: Map<string, number>) => new Map([...cells.keys()].map((k) => [k, 'shown']))
}));

const now = new Date('2026-08-13T08:00:00Z');

describeEachDatabase('inzet adds up', (database) => {
	it('running, completed, stopped, stopped by work and "overig" are every use in the period', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const [g] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const [ins] = await db.select().from(instrument).where(eq(instrument.code, 'jobcoaching'));
		for (let i = 0; i < 3; i++) {
			const [u] = await db
				.insert(user)
				.values({ displayName: `Inzet ${i}`, roles: ['client'] })
				.returning();
			const [c] = await db
				.insert(client)
				.values({
					userId: u!.id,
					clientNumber: `I-${i}`,
					gemeenteId: g!.id,
					birthDate: '1990-01-01',
					benefitStart: '2024-01-01'
				})
				.returning();
			// Ended in the period without an outcome, and with outcome "other": only "overig".
			await db.insert(instrumentUse).values({
				clientId: c!.id,
				instrumentId: ins!.id,
				startDate: '2026-01-15',
				endDate: '2026-05-15',
				outcome: i === 0 ? 'other' : null
			});
		}
		const r = (await buildReport(
			db,
			{ quarter: '2026-Q2', period: 'quarter', gemeente: null },
			now
		))!;
		const uses = (await db.select().from(instrumentUse)).filter(
			(u) => u.startDate <= '2026-06-30' && (u.endDate === null || u.endDate >= '2026-04-01')
		);
		const table = r.uses.byInstrument;
		for (const row of [...table.rows, { ...table.total, key: '*' }]) {
			const c = row.cells;
			const sum = [c.running, c.completed, c.stopped, c.workFound, c.other].reduce(
				(a, x) => a + x.n!,
				0
			);
			const want = uses.filter((u) => row.key === '*' || u.instrumentId === row.key).length;
			expect(sum, row.key).toBe(want);
		}
		expect(table.total.cells.other.n).toBeGreaterThanOrEqual(3);
	}, 180_000);
});
