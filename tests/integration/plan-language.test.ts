import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	plan,
	planStep,
	planTemplate,
	planTextTranslation,
	user
} from '../../src/lib/server/db/schema';
import { planViewOfUser } from '../../src/lib/server/plans/plans';
import { homeOf } from '../../src/lib/server/client/home';
import { amsterdamDay } from '../../src/lib/dates';
import { createPlan, share } from '../../src/lib/server/plans/plan-drafts';
import {
	addStepTranslation,
	planHistoryIn,
	templateTranslationStatus
} from '../../src/lib/server/plans/plan-language';
import {
	loadPlanTextTranslations,
	PLAN_TEMPLATES,
	seedPlanTextTranslations
} from '../../src/lib/server/seed/plan-templates';
import { LANGUAGE_CODES } from '../../src/lib/i18n/languages';

// Issue #18: the plan in the client's language, Dutch only where the klantmanager typed it.
describeEachDatabase('the plan in the client’s language', (database) => {
	let f: Fixture;
	let planId: string;
	let typedStepId: string;

	it('has every template goal and step in all eight other languages, as concept', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const added = await seedPlanTextTranslations(db);
		const rows = await db.select().from(planTextTranslation);
		expect(added).toBe(rows.length);
		for (const lang of LANGUAGE_CODES.filter((l) => l !== 'nl'))
			for (const t of PLAN_TEMPLATES)
				for (const source of [t.goal, ...t.steps.map((s) => s.title)])
					expect(
						rows.find((r) => r.source === source && r.language === lang)?.text,
						`${t.code} ${lang}: ${source}`
					).toBeTruthy();
		expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['concept']));
		// A second start adds nothing and keeps what was changed.
		await db
			.update(planTextTranslation)
			.set({ text: 'verbeterd', status: 'checked' })
			.where(eq(planTextTranslation.source, PLAN_TEMPLATES[0]!.goal));
		expect(await seedPlanTextTranslations(db)).toBe(0);
		const [kept] = await db
			.select()
			.from(planTextTranslation)
			.where(eq(planTextTranslation.source, PLAN_TEMPLATES[0]!.goal));
		expect(kept).toMatchObject({ text: 'verbeterd', status: 'checked' });
	});

	it('shows template steps in the client’s language and typed text in Dutch, marked nl', async () => {
		const { db } = database();
		await db.update(user).set({ language: 'ar' }).where(eq(user.id, f.maryam.userId));
		const template = PLAN_TEMPLATES.find((t) => t.code === 'perspectief-taal-en-werk')!;
		const [tpl] = await db
			.select({ id: planTemplate.id })
			.from(planTemplate)
			.where(eq(planTemplate.code, 'perspectief-taal-en-werk'));
		const created = await createPlan(db, f.sanne, {
			clientId: f.maryam.clientId,
			templateId: tpl!.id
		});
		if (!created.ok) throw new Error(created.error);
		planId = created.planId;
		const shared = await share(db, f.sanne, f.maryam.clientId, { planId, version: 1, revision: 1 });
		expect(shared.ok).toBe(true);
		const [typed] = await db
			.insert(planStep)
			.values({
				planId,
				position: 9,
				title: 'Bel Fatima over de stage in de bakkerij',
				owner: 'client'
			})
			.returning();
		typedStepId = typed!.id;

		const view = (await planViewOfUser(db, f.maryam.userId, 'ar'))!;
		const arabic = loadPlanTextTranslations().filter((r) => r.language === 'ar');
		const inArabic = (nl: string) => arabic.find((r) => r.source === nl)!.text;
		expect(view.goal).toBe(inArabic(template.goal));
		expect(view.goalLang).toBe('ar');
		expect(view.steps.map((s) => [s.title, s.titleLang])).toEqual([
			...template.steps.map((s) => [inArabic(s.title), 'ar']),
			['Bel Fatima over de stage in de bakkerij', 'nl']
		]);
		// In Dutch every text is simply Dutch.
		const dutch = (await planViewOfUser(db, f.maryam.userId, 'nl'))!;
		expect(dutch.steps.map((s) => s.titleLang)).toEqual(['nl', 'nl', 'nl', 'nl']);
		expect(dutch.steps[0]!.title).toBe(template.steps[0]!.title);
	});

	it('lets the klantmanager add a translation to a typed step, only in their caseload', async () => {
		const { db } = database();
		await expect(
			addStepTranslation(db, f.ahmed, f.maryam.clientId, { stepId: typedStepId, text: 'x' })
		).rejects.toThrow();
		expect(
			await addStepTranslation(db, f.sanne, f.maryam.clientId, {
				stepId: typedStepId,
				text: 'اتصلي بفاطمة بشأن التدريب في المخبز'
			})
		).toEqual({ ok: true, language: 'ar' });
		const view = (await planViewOfUser(db, f.maryam.userId, 'ar'))!;
		expect(view.steps.at(-1)).toMatchObject({
			title: 'اتصلي بفاطمة بشأن التدريب في المخبز',
			titleLang: 'ar'
		});
		// A step of another client's plan is not found through Maryam.
		const [other] = await db
			.insert(plan)
			.values({ clientId: f.frans.clientId, goal: 'x', status: 'shared' })
			.returning();
		const [otherStep] = await db
			.insert(planStep)
			.values({ planId: other!.id, position: 1, title: 'y', owner: 'client' })
			.returning();
		expect(
			await addStepTranslation(db, f.sanne, f.maryam.clientId, { stepId: otherStep!.id, text: 'z' })
		).toEqual({ ok: false, error: 'not_found' });
		// The klantmanager changes the Dutch words: the old translation no longer applies.
		await db
			.update(planStep)
			.set({ title: 'Bel Fatima vóór vrijdag' })
			.where(eq(planStep.id, typedStepId));
		const after = (await planViewOfUser(db, f.maryam.userId, 'ar'))!;
		expect(after.steps.at(-1)).toMatchObject({ title: 'Bel Fatima vóór vrijdag', titleLang: 'nl' });
	});

	it('shows Home’s due steps in the client’s language, typed ones in Dutch tagged nl', async () => {
		const { db } = database();
		await db.update(planStep).set({ dueDate: amsterdamDay() }).where(eq(planStep.id, typedStepId));
		const home = (await homeOf(db, f.maryam.userId, 'ar'))!;
		const arabic = loadPlanTextTranslations().filter((r) => r.language === 'ar');
		const letters = 'Brieven die je niet begrijpt meenemen naar je afspraak';
		expect(home.dueSteps.map((s) => [s.title, s.titleLang])).toEqual([
			['Bel Fatima vóór vrijdag', 'nl'],
			[arabic.find((r) => r.source === letters)!.text, 'ar']
		]);
		const dutch = (await homeOf(db, f.maryam.userId, 'nl'))!;
		expect(dutch.dueSteps.map((s) => [s.title, s.titleLang])).toEqual([
			['Bel Fatima vóór vrijdag', 'nl'],
			[letters, 'nl']
		]);
	});

	it('counts per language the template texts translated, concept and checked, for /beheer', async () => {
		const { db } = database();
		const sources = new Set(
			PLAN_TEMPLATES.flatMap((t) => [t.goal, ...t.steps.map((s) => s.title)])
		);
		const status = await templateTranslationStatus(db, LANGUAGE_CODES);
		expect(status.map((s) => s.language)).toEqual(LANGUAGE_CODES.filter((l) => l !== 'nl'));
		// The first test checked one Arabic goal ... of every language: one checked text each.
		for (const row of status)
			expect(row, row.language).toEqual({
				language: row.language,
				total: sources.size,
				missing: 0,
				concept: sources.size - 1,
				checked: 1
			});
		// A Tigrinya text removed shows as missing; another checked as checked.
		await db
			.delete(planTextTranslation)
			.where(
				and(
					eq(planTextTranslation.language, 'ti'),
					eq(planTextTranslation.source, PLAN_TEMPLATES[1]!.goal)
				)
			);
		const ti = (await templateTranslationStatus(db, LANGUAGE_CODES)).find(
			(s) => s.language === 'ti'
		)!;
		expect(ti).toMatchObject({ missing: 1, concept: sources.size - 2, checked: 1 });
	});

	it('shows the plan history in the client’s language, Dutch versions tagged nl', async () => {
		const { db } = database();
		const template = PLAN_TEMPLATES.find((t) => t.code === 'perspectief-taal-en-werk')!;
		const arabic = loadPlanTextTranslations().filter((r) => r.language === 'ar');
		const inArabic = (nl: string) => arabic.find((r) => r.source === nl)!.text;
		const [v1] = await planHistoryIn(db, f.maryam.userId, 'ar');
		expect(v1!.goal).toEqual({ text: inArabic(template.goal), lang: 'ar' });
		expect(v1!.steps.map((s) => s.title)).toEqual(
			template.steps.map((s) => ({ text: inArabic(s.title), lang: 'ar' }))
		);
		const [nl] = await planHistoryIn(db, f.maryam.userId, 'nl');
		expect(nl!.steps[0]!.title).toEqual({ text: template.steps[0]!.title, lang: 'nl' });
	});
});
