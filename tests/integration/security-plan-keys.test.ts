import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture } from './km-fixture';
import { planStep } from '../../src/lib/server/db/schema';
import * as drafts from '../../src/lib/server/plans/plan-drafts';

const NOW = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('a draft step key cannot be another plan’s step', (database) => {
	it('refuses a key that is a step of another plan, and a key used twice', async () => {
		const { db } = database();
		const f = await buildFixture(db);
		const tpl = (await drafts.templatesFor(db, 'perspectief'))[0]!;
		const own = await drafts.createPlan(
			db,
			f.sanne,
			{ clientId: f.maryam.clientId, templateId: tpl.id },
			NOW
		);
		const ownId = (own as { planId: string }).planId;
		const ownDraft = (await drafts.editorOf(db, f.maryam.clientId)).draft!;
		const saved = await drafts.saveDraft(db, f.sanne, f.maryam.clientId, ownDraft);
		expect(saved).toMatchObject({ ok: true });
		expect(
			await drafts.share(db, f.sanne, f.maryam.clientId, {
				planId: ownId,
				version: ownDraft.version,
				revision: (saved as { revision: number }).revision
			})
		).toMatchObject({ ok: true });
		const [foreign] = await db.select().from(planStep).where(eq(planStep.planId, ownId));

		const other = await f.addClient('Other', f.sanne.id);
		const made = await drafts.createPlan(db, f.sanne, { clientId: other.clientId }, NOW);
		const otherPlanId = (made as { planId: string }).planId;
		const d = (await drafts.editorOf(db, other.clientId)).draft!;
		const step = { title: 'Stap', owner: 'client' as const, dueDate: null, instrumentId: null };
		const stolen = await drafts.saveDraft(db, f.sanne, other.clientId, {
			...d,
			goal: 'Doel',
			steps: [{ key: foreign!.id, ...step }]
		});
		expect(stolen.ok).toBe(false);
		const twice = crypto.randomUUID();
		const doubled = await drafts.saveDraft(db, f.sanne, other.clientId, {
			...d,
			goal: 'Doel',
			steps: [
				{ key: twice, ...step },
				{ key: twice, ...step }
			]
		});
		expect(doubled.ok).toBe(false);
		// Maryam's step is untouched and still hers.
		const [after] = await db.select().from(planStep).where(eq(planStep.id, foreign!.id));
		expect(after!.planId).toBe(ownId);
		expect(otherPlanId).not.toBe(ownId);
	});
});
