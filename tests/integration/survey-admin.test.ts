import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { gemeente, survey, surveyResponse, surveyText, user } from '../../src/lib/server/db/schema';
import { ensureSurveys } from '../../src/lib/server/seed/large';
import * as surveyAdmin from '../../src/lib/server/surveys/survey-admin';
import * as settings from '../../src/lib/server/staff/settings';

describeEachDatabase('survey versions in beheer', (database) => {
	let adminId = '';
	let v1 = '';
	let v2 = '';

	it('has version 1 of every survey with its questions in all nine languages', async () => {
		const { db } = database();
		const refs = await ensureSurveys(db);
		v1 = refs.periodic.id;
		const [a] = await db
			.insert(user)
			.values({ displayName: 'Ineke', roles: ['admin'] })
			.returning();
		adminId = a!.id;
		const rows = await surveyAdmin.listSurveys(db);
		expect(rows).toHaveLength(3);
		const periodic = rows.find((r) => r.id === v1)!;
		expect(Object.keys(periodic.texts).sort()).toEqual(
			['ar', 'en', 'fa', 'nl', 'prs', 'so', 'ti', 'tr', 'uk'].sort()
		);
		// Seeding checks nothing: only a named person marks a text checked (#17).
		expect(periodic.texts.nl).toBe('concept');
		expect(periodic.texts.ti).toBe('concept');
	});

	it('a version with answers is read-only; a new version copies it, translations as drafts', async () => {
		const { db } = database();
		const [m] = await db.insert(gemeente).values({ code: 'm', name: 'M' }).returning();
		await surveyAdmin.markSurveyTextChecked(db, v1, 'nl', adminId);
		await surveyAdmin.markSurveyTextChecked(db, v1, 'ti', adminId);
		await db.insert(surveyResponse).values({
			gemeenteId: m!.id,
			quarter: '2026-Q4',
			trigger: 'periodic',
			language: 'ti',
			surveyId: v1,
			answers: { serious: 4 }
		});
		expect(await surveyAdmin.saveSurveyText(db, v1, 'ti', { serious: 'ሓድሽ' }, adminId)).toBe(
			'has-answers'
		);

		v2 = (await surveyAdmin.newVersion(db, v1, adminId))!;
		const copy = await surveyAdmin.getSurveyText(db, v2, 'ti');
		expect(copy!.survey).toMatchObject({ version: 2, active: false, hasAnswers: false });
		expect(copy!.status).toBe('concept');
		// The Dutch source is the same text, so its named check carries over; translations do not.
		const nlCopy = await db
			.select()
			.from(surveyText)
			.where(and(eq(surveyText.surveyId, v2), eq(surveyText.language, 'nl')));
		expect(nlCopy[0]).toMatchObject({ status: 'checked', checkedBy: adminId });

		const questions = Object.fromEntries(copy!.items.map((i) => [i.code, `ቃል ${i.code}`]));
		expect(await surveyAdmin.saveSurveyText(db, v2, 'ti', questions, adminId)).toBe('ok');
		const [saved] = await db
			.select()
			.from(surveyText)
			.where(and(eq(surveyText.surveyId, v2), eq(surveyText.language, 'ti')));
		expect(saved!.questions).toEqual(questions);
		const [old] = await db
			.select()
			.from(surveyText)
			.where(and(eq(surveyText.surveyId, v1), eq(surveyText.language, 'ti')));
		expect(old!.questions.serious).not.toBe('ቃል serious');
	});

	it('activating a version stops the others of its kind', async () => {
		const { db } = database();
		expect(await surveyAdmin.activate(db, v2, adminId)).toBe(true);
		const periodic = await db.select().from(survey).where(eq(survey.trigger, 'periodic'));
		expect(periodic.filter((s) => s.active).map((s) => s.id)).toEqual([v2]);
		expect((await ensureSurveys(db)).periodic.id).toBe(v2);
	});

	it('the periodic cadence comes from the environment until an admin sets it', async () => {
		const { db } = database();
		expect(await settings.surveyCadence(db, 6)).toBe(6);
		await settings.setSurveyCadence(db, 0, adminId);
		expect(await settings.surveyCadence(db, 6)).toBe(0);
		await settings.setSurveyCadence(db, 12, adminId);
		expect(await settings.surveyCadence(db, 6)).toBe(12);
		await expect(settings.setSurveyCadence(db, 40, adminId)).rejects.toThrow();
		expect(await settings.surveyCadence(db, 6)).toBe(12);
	});
});
