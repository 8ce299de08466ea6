import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { instrumentText, instrumentUse, plan, planStep } from '../../src/lib/server/db/schema';
import { planViewOfUser } from '../../src/lib/server/plans/plans';

// Mijn plan is read in one query; these are the rules the client sees on it.
describeEachDatabase('the plan a client sees', (database) => {
	let f: Fixture;
	let sharedId: string;

	it('shows the current plan with its steps in order, instrument names in the client’s language', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const coaching = await f.instrumentId('jobcoaching');
		const training = await f.instrumentId('zelfvertrouwentraining');
		const [shared] = await db
			.insert(plan)
			.values({
				clientId: f.maryam.clientId,
				goal: 'Werk in de zorg',
				status: 'shared',
				sharedAt: new Date('2026-11-02T09:00:00Z'),
				createdAt: new Date('2026-11-01T09:00:00Z')
			})
			.returning();
		sharedId = shared!.id;
		await db.insert(planStep).values([
			{ planId: sharedId, position: 2, title: 'tweede', owner: 'client', instrumentId: coaching },
			{
				planId: sharedId,
				position: 1,
				title: 'eerste',
				owner: 'klantmanager',
				status: 'done',
				doneAt: new Date('2026-11-20T08:30:00.250Z')
			}
		]);
		await db.insert(instrumentUse).values([
			{ clientId: f.maryam.clientId, instrumentId: coaching, startDate: '2026-11-10' },
			// Not linked to a step of this plan: not on Mijn plan.
			{ clientId: f.maryam.clientId, instrumentId: training, startDate: '2026-10-01' }
		]);
		// A newer draft stays with the klantmanager.
		await db.insert(plan).values({ clientId: f.maryam.clientId, goal: 'Concept', status: 'draft' });

		const [arabic] = await db
			.select({ name: instrumentText.name })
			.from(instrumentText)
			.where(and(eq(instrumentText.instrumentId, coaching), eq(instrumentText.language, 'ar')));
		const [dutch] = await db
			.select({ name: instrumentText.name })
			.from(instrumentText)
			.where(and(eq(instrumentText.instrumentId, coaching), eq(instrumentText.language, 'nl')));

		expect(arabic!.name).not.toBe(dutch!.name);
		const view = (await planViewOfUser(db, f.maryam.userId, 'ar'))!;
		expect(view).toMatchObject({ id: sharedId, goal: 'Werk in de zorg', status: 'shared' });
		expect(view.sharedAt).toBe('2026-11-02T09:00:00.000Z');
		expect(view.steps.map((s) => s.title)).toEqual(['eerste', 'tweede']);
		expect(view.steps[0]).toMatchObject({ doneAt: '2026-11-20T08:30:00.250Z', instrument: null });
		expect(view.steps[1]!.instrument).toEqual({
			id: coaching,
			code: 'jobcoaching',
			name: arabic!.name
		});
		expect(view.instruments).toEqual([
			{
				id: expect.any(String),
				name: arabic!.name,
				startDate: '2026-11-10',
				endDate: null
			}
		]);
		// A language without its own text shows the Dutch name.
		const somali = (await planViewOfUser(db, f.maryam.userId, 'xx'))!;
		expect(somali.steps[1]!.instrument!.name).toBe(dutch!.name);
	});

	it('never shows another client’s plan; a closed plan is read as closed when no plan is open', async () => {
		const { db } = database();
		expect(await planViewOfUser(db, f.frans.userId, 'nl', sharedId)).toBeNull();
		expect(await planViewOfUser(db, f.frans.userId, 'nl')).toBeNull();
		await db.update(plan).set({ status: 'closed' }).where(eq(plan.id, sharedId));
		// After outflow the closed plan stays readable (read-only-after-outflow.test.ts).
		expect((await planViewOfUser(db, f.maryam.userId, 'nl'))!.status).toBe('closed');
		expect((await planViewOfUser(db, f.maryam.userId, 'nl', sharedId))!.status).toBe('closed');
		expect(await planViewOfUser(db, f.frans.userId, 'nl')).toBeNull();
	});
});
