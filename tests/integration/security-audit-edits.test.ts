import { expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, user } from '../../src/lib/server/db/schema';
import { ensureSurveys } from '../../src/lib/server/seed/large';
import * as norms from '../../src/lib/server/report/norms';
import * as settings from '../../src/lib/server/staff/settings';
import * as surveyAdmin from '../../src/lib/server/surveys/survey-admin';

// #14: norm, survey and setting edits are on record with who, what, and before/after.
describeEachDatabase('norm, survey and setting edits on record', (database) => {
	let adminId = '';

	const lastOf = async (action: string) => {
		const { db } = database();
		const [row] = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, action))
			.orderBy(desc(auditEvent.at))
			.limit(1);
		return row;
	};

	it('prepares an admin', async () => {
		const { db } = database();
		const [a] = await db
			.insert(user)
			.values({ displayName: 'Ineke', email: 'edits-admin@x.example', roles: ['admin'] })
			.returning();
		adminId = a!.id;
	});

	it('a norm set, changed and removed: who, which norm, before and after', async () => {
		const { db } = database();
		const base = { indicator: 'grade.mean' as const, year: 2027, userId: adminId };
		await norms.setNorm(db, { ...base, green: 7.5, orange: 6 });
		expect(await lastOf('norm.update')).toMatchObject({
			actorId: adminId,
			detail: { name: 'grade.mean', year: 2027, after: '7.5 / 6' }
		});
		await norms.setNorm(db, { ...base, green: 8, orange: 6.5 });
		expect((await lastOf('norm.update'))?.detail).toMatchObject({
			before: '7.5 / 6',
			after: '8 / 6.5'
		});
		await norms.removeNorm(db, 'grade.mean', 2027, adminId);
		expect(await lastOf('norm.remove')).toMatchObject({
			actorId: adminId,
			detail: { name: 'grade.mean', year: 2027, before: '8 / 6.5' }
		});
	});

	it('a setting change: the old and the new value', async () => {
		const { db } = database();
		await settings.setSurveyCadence(db, 12, adminId);
		await settings.setSurveyCadence(db, 3, adminId);
		expect(await lastOf('setting.update')).toMatchObject({
			actorId: adminId,
			detail: { name: 'survey.periodicMonths', before: '12', after: '3' }
		});
	});

	it('survey versions: a copy, a text edit with its before/after, a check and activation', async () => {
		const { db } = database();
		const refs = await ensureSurveys(db);
		const v2 = (await surveyAdmin.newVersion(db, refs.periodic.id, adminId))!;
		expect(await lastOf('survey.update')).toMatchObject({
			actorId: adminId,
			detail: { name: 'periodic', version: 2, status: 'created' }
		});
		const text = (await surveyAdmin.getSurveyText(db, v2, 'en'))!;
		const [code] = Object.keys(text.questions!);
		const old = text.questions![code!]!;
		await surveyAdmin.saveSurveyText(
			db,
			v2,
			'en',
			{ ...text.questions!, [code!]: 'A clearer question?' },
			adminId
		);
		expect((await lastOf('survey.update'))?.detail).toMatchObject({
			name: 'periodic',
			version: 2,
			language: 'en',
			changes: code,
			before: `${code}: ${old}`,
			after: `${code}: A clearer question?`
		});
		await surveyAdmin.markSurveyTextChecked(db, v2, 'en', adminId);
		expect((await lastOf('survey.update'))?.detail).toMatchObject({
			language: 'en',
			status: 'checked'
		});
		await surveyAdmin.activate(db, v2, adminId);
		expect((await lastOf('survey.update'))?.detail).toMatchObject({
			version: 2,
			status: 'active'
		});
	});
});
