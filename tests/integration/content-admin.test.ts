import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { gemeente, topicText, user } from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';
import * as contentAdmin from '../../src/lib/server/content/content-admin';
import { getInstrument, getTopic, listTopics } from '../../src/lib/server/content/content';

describeEachDatabase('editing content in beheer', (database) => {
	let adminId = '';
	let gemeenteId = '';
	const ti = {
		kind: 'topic' as const,
		code: 'ontheffing',
		language: 'ti',
		gemeenteCode: null
	};

	it('counts per language and kind what is missing, a draft, or checked', async () => {
		const { db } = database();
		const added = await seedContent(db);
		// Plan templates come with the content: a klantmanager needs them on a fresh install.
		expect(added.planTemplates).toBeGreaterThan(0);
		const [a] = await db
			.insert(user)
			.values({ displayName: 'Ineke Smit', roles: ['admin'] })
			.returning();
		adminId = a!.id;
		const [m] = await db
			.insert(gemeente)
			.values({ code: 'lindewaard', name: 'Lindewaard' })
			.returning();
		gemeenteId = m!.id;
		const rows = await contentAdmin.listContent(db);
		const counts = contentAdmin.translationCounts(rows, ['nl', 'ti']);
		// Nobody checked the seeded texts, Dutch included: all are concept.
		expect(counts).toContainEqual({
			language: 'nl',
			kind: 'topic',
			total: added.topics,
			missing: 0,
			concept: added.topics,
			checked: 0
		});
		const tiTopics = counts.find((c) => c.language === 'ti' && c.kind === 'topic')!;
		expect(tiTopics.total).toBe(added.topics);
		expect(tiTopics.missing + tiTopics.concept + tiTopics.checked).toBe(added.topics);
		expect(tiTopics.checked).toBe(0);
	});

	it('saves a translation as a draft, and the client reads it at once', async () => {
		const { db } = database();
		const before = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'ti');
		const saved = await contentAdmin.saveText(
			db,
			{
				...ti,
				title: 'ምሕዳግ ካብ ግዴታ ስራሕ',
				summary: null,
				body: '## ሓበሬታ\n\nሓድሽ ጽሑፍ።',
				published: true,
				legalBasis: 'Participatiewet art. 9 lid 2',
				baseUpdatedAt: before!.text?.updatedAt ?? null
			},
			adminId
		);
		expect(saved).toBe('saved');
		const after = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'ti');
		expect(after!.text).toMatchObject({ title: 'ምሕዳግ ካብ ግዴታ ስራሕ', status: 'concept' });
		const view = await getTopic(db, 'ontheffing', 'ti', null);
		expect(view).toMatchObject({ title: 'ምሕዳግ ካብ ግዴታ ስራሕ', fallback: false });
		expect(view!.legalBasis).toBe('Participatiewet art. 9 lid 2');
	});

	it('refuses a save that started from an older version, and hands back the stored text', async () => {
		const { db } = database();
		const edit = {
			...ti,
			title: 'Een oudere kopie',
			summary: null,
			body: '## Kop\n\nTekst.',
			published: true,
			legalBasis: null,
			baseUpdatedAt: '2020-01-01T00:00:00.000Z'
		};
		const error = await contentAdmin.saveText(db, edit, adminId).catch((e) => e);
		expect(error).toBeInstanceOf(contentAdmin.EditConflict);
		expect(error.current.title).toBe('ምሕዳግ ካብ ግዴታ ስራሕ');
		expect((await getTopic(db, 'ontheffing', 'ti', null))!.title).toBe('ምሕዳግ ካብ ግዴታ ስራሕ');
	});

	it('marks a text checked with who and when; editing it makes it a draft again', async () => {
		const { db } = database();
		const at = new Date('2026-11-30T10:00:00Z');
		const [native] = await db
			.insert(user)
			.values({ displayName: 'Selam Tesfay', roles: ['admin'] })
			.returning();
		await contentAdmin.grantReviewer(
			db,
			{ userId: native!.id, language: 'ti', dienst: 'Vertaalbureau' },
			adminId
		);
		expect(await contentAdmin.markChecked(db, ti, native!.id, at)).toBe('checked');
		const checked = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'ti');
		expect(checked!.text).toMatchObject({
			status: 'checked',
			checkedBy: 'Selam Tesfay',
			checkedAt: at.toISOString()
		});
		await contentAdmin.saveText(
			db,
			{
				...ti,
				title: 'ምሕዳግ',
				summary: null,
				body: checked!.text!.body,
				published: true,
				legalBasis: null,
				baseUpdatedAt: checked!.text!.updatedAt
			},
			adminId
		);
		const edited = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'ti');
		expect(edited!.text).toMatchObject({ status: 'concept', checkedBy: null });
	});

	it('a gemeente variant is what clients of that gemeente read; others keep the general text', async () => {
		const { db } = database();
		const general = await getTopic(db, 'arbeidsverplichtingen', 'nl', gemeenteId);
		await contentAdmin.saveText(
			db,
			{
				kind: 'topic',
				code: 'arbeidsverplichtingen',
				language: 'nl',
				gemeenteCode: 'lindewaard',
				title: 'Werken en solliciteren in Lindewaard',
				summary: null,
				body: '## Wat moet je doen\n\nJe solliciteert 2 keer per week.',
				published: true,
				legalBasis: 'Participatiewet art. 9',
				baseUpdatedAt: null
			},
			adminId
		);
		expect((await getTopic(db, 'arbeidsverplichtingen', 'nl', gemeenteId))!.title).toBe(
			'Werken en solliciteren in Lindewaard'
		);
		expect((await getTopic(db, 'arbeidsverplichtingen', 'nl', null))!.title).toBe(general!.title);
		const [variant] = await db
			.select({ status: topicText.status })
			.from(topicText)
			.where(eq(topicText.gemeenteId, gemeenteId));
		expect(variant!.status).toBe('concept');
		const rows = await contentAdmin.listContent(db);
		expect(rows.find((r) => r.code === 'arbeidsverplichtingen')!.variants).toEqual(['lindewaard']);
	});

	it('unpublishing hides a topic or instrument from clients in every language', async () => {
		const { db } = database();
		const text = await contentAdmin.getEditableText(db, 'instrument', 'jobcoaching', 'nl');
		await contentAdmin.saveText(
			db,
			{
				kind: 'instrument',
				code: 'jobcoaching',
				language: 'nl',
				gemeenteCode: null,
				title: text!.text!.title,
				summary: text!.text!.summary,
				body: text!.text!.body,
				published: false,
				legalBasis: null,
				baseUpdatedAt: text!.text!.updatedAt
			},
			adminId
		);
		expect(await getInstrument(db, 'jobcoaching', 'nl')).toBeNull();
		expect(await getInstrument(db, 'jobcoaching', 'ar')).toBeNull();
		expect((await listTopics(db, 'nl', null)).length).toBeGreaterThan(10);
	});

	it('removing a translation brings back the Dutch text, marked; the Dutch source stays', async () => {
		const { db } = database();
		expect(await contentAdmin.removeText(db, ti, adminId)).toBe(true);
		expect(await getTopic(db, 'ontheffing', 'ti', null)).toMatchObject({ fallback: true });
		expect(
			await contentAdmin.removeText(db, { ...ti, language: 'nl', gemeenteCode: null }, adminId)
		).toBe(false);
		expect(await getTopic(db, 'ontheffing', 'nl', null)).toMatchObject({ fallback: false });
	});

	it('finds nothing to edit for an unknown text or gemeente', async () => {
		const { db } = database();
		expect(await contentAdmin.getEditableText(db, 'topic', 'bestaat-niet', 'nl')).toBeNull();
		expect(
			await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'nl', 'geen-gemeente')
		).toBeNull();
	});
});
