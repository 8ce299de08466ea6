import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	auditEvent,
	instrument,
	notification,
	plan,
	planStep,
	planTemplate
} from '../../src/lib/server/db/schema';
import * as drafts from '../../src/lib/server/plans/plan-drafts';
import * as plans from '../../src/lib/server/plans/plans';
import { AccessDenied } from '../../src/lib/server/caseload/caseload';

const NOW = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('plan builder: drafts, sharing and versions', (database) => {
	let f: Fixture;
	let planId: string;

	it('starts a plan from a segment template with due dates counted from today', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const templates = await drafts.templatesFor(db, 'perspectief');
		expect(templates.map((t) => t.name)).toContain('Stap voor stap naar werk');
		expect(templates.map((t) => t.name)).not.toContain('Snel aan het werk');
		const tpl = templates.find((t) => t.name === 'Stap voor stap naar werk')!;
		const created = await drafts.createPlan(
			db,
			f.sanne,
			{ clientId: f.maryam.clientId, templateId: tpl.id },
			NOW
		);
		expect(created.ok).toBe(true);
		planId = (created as { planId: string }).planId;
		const editor = await drafts.editorOf(db, f.maryam.clientId);
		expect(editor.draft!.goal).toMatch(/stap voor stap/);
		expect(editor.draft!.steps[0]!.dueDate).toBe('2026-12-15');
		expect(editor.draft!.steps[1]!.instrumentId).toBe(await f.instrumentId('verwervingskosten'));
		// A second plan while one is open is refused.
		expect(await drafts.createPlan(db, f.sanne, { clientId: f.maryam.clientId }, NOW)).toEqual({
			ok: false,
			error: 'exists'
		});
	});

	it('keeps a draft away from the client until it is shared', async () => {
		const { db } = database();
		expect(await plans.currentPlanOfClient(db, f.maryam.clientId)).toBeNull();
	});

	it('refuses a stale save and hands back the other version', async () => {
		const { db } = database();
		const editor = await drafts.editorOf(db, f.maryam.clientId);
		const base = editor.draft!;
		const mine = {
			planId,
			version: base.version,
			revision: base.revision,
			goal: 'Mijn doel',
			reviewDate: '2027-06-01',
			steps: base.steps
		};
		const first = await drafts.saveDraft(db, f.sanne, f.maryam.clientId, mine, NOW);
		expect(first).toEqual({ ok: true, revision: base.revision + 1 });
		const second = await drafts.saveDraft(
			db,
			f.lead,
			f.maryam.clientId,
			{ ...mine, goal: 'Het doel van Petra' },
			NOW
		);
		expect(second.ok).toBe(false);
		if (second.ok || second.error !== 'conflict') throw new Error('expected a conflict');
		expect(second.theirs.goal).toBe('Mijn doel');
		expect(second.theirs.updatedByName).toBe('Sanne');
		const after = await drafts.editorOf(db, f.maryam.clientId);
		expect(after.draft!.goal).toBe('Mijn doel');
	});

	it('rejects a step with an instrument the gemeente does not offer', async () => {
		const { db } = database();
		const only = await f.instrumentId('jobcoaching');
		await db
			.update(instrument)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(instrument.id, only));
		const d = (await drafts.editorOf(db, f.maryam.clientId)).draft!;
		const result = await drafts.saveDraft(db, f.sanne, f.maryam.clientId, {
			...d,
			steps: [...d.steps, { ...d.steps[0]!, key: crypto.randomUUID(), instrumentId: only }]
		});
		expect(result).toEqual({ ok: false, error: 'not_offered', step: d.steps.length });
		await db.update(instrument).set({ gemeenteIds: [] }).where(eq(instrument.id, only));
	});

	it('shares version 1, tells the client, and the client can agree', async () => {
		const { db } = database();
		const d = (await drafts.editorOf(db, f.maryam.clientId)).draft!;
		const shared = await drafts.share(db, f.sanne, f.maryam.clientId, d, NOW);
		expect(shared).toEqual({ ok: true, version: 1 });
		const current = await plans.currentPlanOfClient(db, f.maryam.clientId);
		expect(current).toMatchObject({ id: planId, status: 'shared', version: 1, goal: 'Mijn doel' });
		const inbox = await db
			.select()
			.from(notification)
			.where(eq(notification.userId, f.maryam.userId));
		expect(inbox.map((n) => n.kind)).toContain('planShared');
		const agreed = await db.transaction((tx) =>
			plans.agreeToPlan(tx, { userId: f.maryam.userId, planId, version: 1, now: NOW })
		);
		expect(agreed).toEqual({ ok: true, agreedAt: NOW.toISOString() });
	});

	it('editing a shared plan makes version 2; version 1 stays readable; ticks stay', async () => {
		const { db } = database();
		const [first] = await db
			.select()
			.from(planStep)
			.where(eq(planStep.planId, planId))
			.orderBy(planStep.position);
		await db.update(planStep).set({ status: 'done' }).where(eq(planStep.id, first!.id));
		const d = (await drafts.editorOf(db, f.maryam.clientId)).draft!;
		expect(d.revision).toBe(0);
		const reordered = [...d.steps].reverse();
		const saved = await drafts.saveDraft(db, f.sanne, f.maryam.clientId, {
			...d,
			steps: [
				...reordered,
				{
					key: crypto.randomUUID(),
					title: 'Nieuwe stap',
					owner: 'client',
					dueDate: null,
					instrumentId: null
				}
			]
		});
		expect(saved).toEqual({ ok: true, revision: 1 });
		// The client still sees version 1 while the draft is open.
		expect((await plans.currentPlanOfClient(db, f.maryam.clientId))!.version).toBe(1);
		const shared = await drafts.share(db, f.sanne, f.maryam.clientId, {
			planId,
			version: 1,
			revision: 1
		});
		expect(shared).toEqual({ ok: true, version: 2 });
		const [p] = await db.select().from(plan).where(eq(plan.id, planId));
		expect(p).toMatchObject({ version: 2, status: 'shared', agreedAt: null });
		const steps = await db
			.select()
			.from(planStep)
			.where(eq(planStep.planId, planId))
			.orderBy(planStep.position);
		expect(steps.map((s) => s.title).at(-1)).toBe('Nieuwe stap');
		expect(steps.find((s) => s.id === first!.id)!.status).toBe('done');
		expect(steps.find((s) => s.id === first!.id)!.position).toBe(d.steps.length);
		const versions = await drafts.versionsOf(db, f.maryam.clientId);
		expect(versions.map((v) => [v.version, !!v.agreedAt])).toEqual([
			[2, false],
			[1, true]
		]);
		expect(versions[1]!.steps).toHaveLength(d.steps.length);
	});

	it('a share from a stale page is refused', async () => {
		const { db } = database();
		expect(
			await drafts.share(db, f.sanne, f.maryam.clientId, { planId, version: 1, revision: 1 })
		).toEqual({ ok: false, error: 'conflict' });
	});

	it('another caseload cannot edit the plan, and the attempt is audited', async () => {
		const { db } = database();
		await expect(
			drafts.createPlan(db, f.ahmed, { clientId: f.maryam.clientId })
		).rejects.toBeInstanceOf(AccessDenied);
		const events = await db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(and(eq(auditEvent.clientId, f.maryam.clientId), eq(auditEvent.actorId, f.ahmed.id)));
		expect(events).toEqual([{ action: 'client.denied' }]);
		const actions = (
			await db
				.select({ action: auditEvent.action })
				.from(auditEvent)
				.where(eq(auditEvent.actorId, f.sanne.id))
		).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['plan.create', 'plan.update', 'plan.share']));
	});

	it('seeds templates once', async () => {
		const { db } = database();
		const all = await db.select().from(planTemplate);
		expect(new Set(all.map((t) => t.code)).size).toBe(all.length);
	});
});
