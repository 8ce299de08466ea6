import { expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import {
	appointment,
	client,
	clientRequest,
	instrument,
	message,
	outflow,
	plan,
	planAgreement,
	planStep,
	user
} from '../../src/lib/server/db/schema';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import type { ClientAction } from '../../src/lib/actions/schema';
import { planViewOfUser } from '../../src/lib/server/plans/plans';

// Once a client has left the benefit (outflow on their current period), Wegwijs is read-only
// for them (issue 15): no step, agreement, question, appointment change or message is taken,
// whatever the outflow itself did or did not close. Marking messages read and answering a
// survey (an outflow can itself invite one, for an instrument it ended) still work.

let n = 0;
const key = () => `outflow-key-${Date.now()}-${n++}-abcdef`;

describeEachDatabase('read-only after outflow', (database) => {
	let userId: string;
	let clientId: string;
	let attempts: ClientAction[];

	it('has a client with an open plan, a step, an appointment and an instrument', async () => {
		const { db } = database();
		await seedDemo(db);
		const [m] = await db
			.select({ userId: user.id, clientId: client.id, benefitStart: client.benefitStart })
			.from(user)
			.innerJoin(client, eq(client.userId, user.id))
			.where(eq(user.demoKey, 'maryam'));
		userId = m!.userId;
		clientId = m!.clientId;
		const [p] = await db.select().from(plan).where(eq(plan.clientId, clientId));
		const [step] = await db
			.select()
			.from(planStep)
			.where(and(eq(planStep.planId, p!.id), eq(planStep.owner, 'client')));
		const [a] = await db
			.select()
			.from(appointment)
			.where(and(eq(appointment.clientId, clientId), gt(appointment.startsAt, new Date())));
		const [i] = await db.select().from(instrument).limit(1);
		attempts = [
			{ type: 'step', stepId: step!.id, done: true },
			{ type: 'agree', planId: p!.id, version: p!.version },
			{ type: 'ask', instrumentId: i!.id, message: 'Mag ik dit?' },
			{ type: 'change', appointmentId: a!.id, kind: 'cannot_come', reason: 'Ziek' },
			{ type: 'message', body: 'Hallo' }
		];
		// The outflow row alone: plan, step and appointment stay open, so only the guard can refuse.
		await db.insert(outflow).values({
			clientId,
			benefitStart: m!.benefitStart,
			date: '2026-11-01',
			reason: 'werk'
		});
	});

	it('refuses every change with a translated reason and writes nothing', async () => {
		const { db } = database();
		const counts = async () =>
			Promise.all(
				[planAgreement, clientRequest, message].map(
					async (t) => (await db.select({ n: sql<number>`count(*)::int` }).from(t))[0]!.n
				)
			);
		const before = await counts();
		for (const action of attempts) {
			const result = await applyClientAction(db, { userId, key: key(), action });
			expect(result, action.type).toMatchObject({
				status: 403,
				body: { ok: false, error: 'benefit_ended' }
			});
		}
		expect(await counts()).toEqual(before);
		const steps = await db
			.select({ status: planStep.status })
			.from(planStep)
			.where(eq(planStep.id, (attempts[0] as { stepId: string }).stepId));
		expect(steps[0]!.status).toBe('todo');
	});

	it('still lets the client mark their messages read', async () => {
		const result = await applyClientAction(database().db, {
			userId,
			key: key(),
			action: { type: 'read' }
		});
		expect(result.body.ok).toBe(true);
	});

	// Found by the import journey: the outflow closes the plan, and Mijn plan then said "Je hebt
	// nog geen plan" although the notice promises the plan can still be read.
	it('still shows the closed plan to read, as closed', async () => {
		const { db } = database();
		await db.update(plan).set({ status: 'closed' }).where(eq(plan.clientId, clientId));
		const view = await planViewOfUser(db, userId, 'nl');
		expect(view).toMatchObject({ status: 'closed' });
		expect(view!.steps.length).toBeGreaterThan(0);
		// A plan that was closed without ever being shared stays with staff.
		await db.update(plan).set({ sharedAt: null }).where(eq(plan.clientId, clientId));
		expect(await planViewOfUser(db, userId, 'nl')).toBeNull();
	});

	it('lets a returning client act again in the new benefit period', async () => {
		const { db } = database();
		await db.update(client).set({ benefitStart: '2026-12-01' }).where(eq(client.id, clientId));
		const result = await applyClientAction(db, {
			userId,
			key: key(),
			action: { type: 'message', body: 'Ik ben er weer' }
		});
		expect(result.body.ok).toBe(true);
	});
});
