import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import {
	appointment,
	client,
	clientRequest,
	instrument,
	plan,
	planAgreement,
	planStep,
	user
} from '../../src/lib/server/db/schema';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import type { Db } from '../../src/lib/server/db/open';

async function person(db: Db, key: string) {
	const [row] = await db
		.select({ userId: user.id, clientId: client.id })
		.from(user)
		.innerJoin(client, eq(client.userId, user.id))
		.where(eq(user.demoKey, key));
	const [p] = await db.select().from(plan).where(eq(plan.clientId, row!.clientId));
	const steps = await db.select().from(planStep).where(eq(planStep.planId, p!.id));
	return { ...row!, plan: p!, steps };
}

let n = 0;
const key = () => `test-key-${Date.now()}-${n++}-abcdefgh`;

describeEachDatabase('client actions', (database) => {
	it('seeds the demo dienst', async () => {
		expect(await seedDemo(database().db)).toBe(true);
	});

	it('lets a client tick off only their own steps', async () => {
		const { db } = database();
		const lars = await person(db, 'lars');
		const own = lars.steps.find((s) => s.owner === 'client' && s.status === 'todo')!;
		const partners = lars.steps.find((s) => s.owner === 'partner')!;
		const ok = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'step', stepId: own.id, done: true, note: '  Gedaan  ' }
		});
		expect(ok.body).toEqual({ ok: true });
		const [after] = await db.select().from(planStep).where(eq(planStep.id, own.id));
		expect(after).toMatchObject({ status: 'done', clientNote: 'Gedaan' });

		const notYours = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'step', stepId: partners.id, done: true }
		});
		expect(notYours).toMatchObject({ status: 403, body: { ok: false, error: 'not_yours' } });
	});

	it('never lets a client touch another client’s step', async () => {
		const { db } = database();
		const lars = await person(db, 'lars');
		const maryam = await person(db, 'maryam');
		const hers = maryam.steps.find((s) => s.owner === 'client')!;
		const result = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'step', stepId: hers.id, done: true }
		});
		expect(result).toMatchObject({ status: 404, body: { ok: false, error: 'not_found' } });
		const [after] = await db.select().from(planStep).where(eq(planStep.id, hers.id));
		expect(after!.status).toBe('todo');
	});

	it('refuses an over-long note and hands it back', async () => {
		const { db } = database();
		const lars = await person(db, 'lars');
		const own = lars.steps.find((s) => s.owner === 'client')!;
		const note = 'é'.repeat(501);
		const result = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'step', stepId: own.id, done: true, note }
		});
		expect(result.body).toEqual({ ok: false, error: 'note_too_long', note });
	});

	it('keeps the note and tells the client when the plan changed while offline', async () => {
		const { db } = database();
		const tim = await person(db, 'tim');
		const own = tim.steps.find((s) => s.owner === 'client')!;
		const result = await applyClientAction(db, {
			userId: tim.userId,
			key: key(),
			action: {
				type: 'step',
				stepId: own.id,
				done: true,
				note: 'Mijn notitie',
				seenVersion: tim.plan.version - 1 || 99
			}
		});
		expect(result).toMatchObject({
			status: 409,
			body: { ok: false, error: 'plan_changed', note: 'Mijn notitie' }
		});
	});

	it('applies a replayed key once and answers it with the first result', async () => {
		const { db } = database();
		const tim = await person(db, 'tim');
		const own = tim.steps.find((s) => s.owner === 'client')!;
		const k = key();
		const action = { type: 'step' as const, stepId: own.id, done: true, note: 'eerste' };
		const first = await applyClientAction(db, { userId: tim.userId, key: k, action });
		const again = await applyClientAction(db, {
			userId: tim.userId,
			key: k,
			action: { ...action, note: 'tweede' }
		});
		expect(first.replayed).toBe(false);
		// The same key with another action is refused (#14), not answered as if it were the first.
		expect(again).toMatchObject({ status: 422, body: { ok: false, error: 'key_mismatch' } });
		const same = await applyClientAction(db, { userId: tim.userId, key: k, action });
		expect(same).toEqual({ ...first, replayed: true });
		const [after] = await db.select().from(planStep).where(eq(planStep.id, own.id));
		expect(after!.clientNote).toBe('eerste');
	});

	it('does not let one person replay another person’s key', async () => {
		const { db } = database();
		const tim = await person(db, 'tim');
		const lars = await person(db, 'lars');
		const k = key();
		const own = tim.steps.find((s) => s.owner === 'client')!;
		await applyClientAction(db, {
			userId: tim.userId,
			key: k,
			action: { type: 'step', stepId: own.id, done: false }
		});
		const stolen = await applyClientAction(db, {
			userId: lars.userId,
			key: k,
			action: { type: 'step', stepId: own.id, done: true }
		});
		// Keys are per person (#14): Lars's request is his own, and Tim's step is not his.
		expect(stolen.replayed).toBe(false);
		expect(stolen.status).toBe(404);
		const [after] = await db.select().from(planStep).where(eq(planStep.id, own.id));
		expect(after!.status).toBe('todo');
	});

	it('records a dated agreement with the plan version, once', async () => {
		const { db } = database();
		const maryam = await person(db, 'maryam');
		expect(maryam.plan.status).toBe('shared');
		const wrongVersion = await applyClientAction(db, {
			userId: maryam.userId,
			key: key(),
			action: { type: 'agree', planId: maryam.plan.id, version: maryam.plan.version + 1 }
		});
		expect(wrongVersion.body).toEqual({ ok: false, error: 'plan_changed' });
		for (let i = 0; i < 2; i++) {
			const r = await applyClientAction(db, {
				userId: maryam.userId,
				key: key(),
				action: { type: 'agree', planId: maryam.plan.id, version: maryam.plan.version }
			});
			expect(r.body.ok).toBe(true);
		}
		const agreements = await db
			.select()
			.from(planAgreement)
			.where(eq(planAgreement.planId, maryam.plan.id));
		expect(agreements).toHaveLength(1);
		expect(agreements[0]!.version).toBe(maryam.plan.version);
		const [after] = await db.select().from(plan).where(eq(plan.id, maryam.plan.id));
		expect(after).toMatchObject({ status: 'agreed', agreedVersion: maryam.plan.version });
	});

	it('asks a new version for agreement again', async () => {
		const { db } = database();
		const maryam = await person(db, 'maryam');
		await db
			.update(plan)
			.set({ version: maryam.plan.version + 1, status: 'shared' })
			.where(eq(plan.id, maryam.plan.id));
		const r = await applyClientAction(db, {
			userId: maryam.userId,
			key: key(),
			action: { type: 'agree', planId: maryam.plan.id, version: maryam.plan.version + 1 }
		});
		expect(r.body.ok).toBe(true);
		const agreements = await db
			.select({ version: planAgreement.version })
			.from(planAgreement)
			.where(eq(planAgreement.planId, maryam.plan.id));
		expect(agreements.map((a) => a.version).sort()).toEqual([
			maryam.plan.version,
			maryam.plan.version + 1
		]);
	});

	it('takes one change request per appointment and refuses one in the past', async () => {
		const { db } = database();
		const lars = await person(db, 'lars');
		const appointments = await db
			.select()
			.from(appointment)
			.where(eq(appointment.clientId, lars.clientId));
		const upcoming = appointments.find((a) => a.startsAt > new Date())!;
		const past = appointments.find((a) => a.startsAt < new Date())!;
		const ask = () =>
			applyClientAction(db, {
				userId: lars.userId,
				key: key(),
				action: {
					type: 'change',
					appointmentId: upcoming.id,
					kind: 'other_time',
					reason: 'Werk'
				}
			});
		const a = await ask();
		const b = await ask();
		expect(a.body).toEqual(b.body);
		const rows = await db
			.select()
			.from(clientRequest)
			.where(eq(clientRequest.appointmentId, upcoming.id));
		expect(rows).toHaveLength(1);
		const tooLate = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'change', appointmentId: past.id, kind: 'cannot_come', reason: 'Ziek' }
		});
		expect(tooLate.body).toEqual({ ok: false, error: 'in_past' });
		const empty = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'change', appointmentId: upcoming.id, kind: 'cannot_come', reason: '  ' }
		});
		expect(empty.body).toEqual({ ok: false, error: 'reason_missing' });
	});

	it('asks about an instrument once while the question is open', async () => {
		const { db } = database();
		const frans = await person(db, 'frans');
		const [inst] = await db.select().from(instrument).where(eq(instrument.code, 'jobcoaching'));
		const ask = () =>
			applyClientAction(db, {
				userId: frans.userId,
				key: key(),
				action: { type: 'ask', instrumentId: inst!.id, message: 'Kan dit ook voor mij?' }
			});
		const first = await ask();
		const second = await ask();
		expect(first.body).toMatchObject({ ok: true, existing: false });
		expect(second.body).toMatchObject({ ok: true, existing: true });
		const rows = await db
			.select()
			.from(clientRequest)
			.where(
				and(eq(clientRequest.clientId, frans.clientId), eq(clientRequest.instrumentId, inst!.id))
			);
		expect(rows).toHaveLength(1);
	});
});

describeEachDatabase('plan history', (database) => {
	it('keeps each shared version readable with its agreement', async () => {
		const { db } = database();
		await seedDemo(db);
		const { planHistory } = await import('../../src/lib/server/plans/plans');
		const lars = await person(db, 'lars');
		const history = await planHistory(db, lars.userId, lars.plan.id);
		expect(history).toHaveLength(1);
		expect(history![0]).toMatchObject({ version: 1, goal: lars.plan.goal });
		expect(history![0]!.agreedAt).not.toBeNull();
		expect(history![0]!.steps).toHaveLength(lars.steps.length);
		const maryam = await person(db, 'maryam');
		expect(await planHistory(db, lars.userId, maryam.plan.id)).toBeNull();
		// Without a plan id: the history of the current plan, as /plan/geschiedenis shows it.
		expect(await planHistory(db, lars.userId)).toEqual(history);
	});
});
