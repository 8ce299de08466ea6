import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, gemeente, topicText, user } from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';
import * as contentAdmin from '../../src/lib/server/content/content-admin';
import { getInstrument, getTopic, listTopics } from '../../src/lib/server/content/content';

// Issue 17: a client reads "gecontroleerd door <naam>, <dienst> op <datum>" only for a text a
// named redacteur checked; the last editor cannot check it; each gemeente decides whether
// concept texts are shown; every edit, check, removal and status change leaves an audit event.

describeEachDatabase('honest status of content', (database) => {
	let editor = '';
	let reviewer = '';
	let gemeenteId = '';
	const nl = { kind: 'topic' as const, code: 'ontheffing', language: 'nl', gemeenteCode: null };
	const events = async (action: string) => {
		const { db } = database();
		return db
			.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, action));
	};

	it('seeds every text, Dutch included, as concept without a checker', async () => {
		const { db } = database();
		await seedContent(db);
		const [e, r] = await db
			.insert(user)
			.values([
				{ displayName: 'Eva Editor', roles: ['admin'] },
				{ displayName: 'Rik Redacteur', roles: ['admin'] }
			])
			.returning();
		editor = e!.id;
		reviewer = r!.id;
		const [g] = await db
			.insert(gemeente)
			.values({ code: 'lindewaard', name: 'Lindewaard' })
			.returning();
		gemeenteId = g!.id;
		const checked = await db.select().from(topicText).where(eq(topicText.status, 'checked'));
		expect(checked).toEqual([]);
		const view = await getTopic(db, 'ontheffing', 'nl', gemeenteId);
		expect(view!.review).toEqual({
			status: 'concept',
			checkedBy: null,
			dienst: null,
			checkedAt: null
		});
		expect((await getInstrument(db, 'jobcoaching', 'nl'))!.review.status).toBe('concept');
	});

	it('refuses a check by someone who is not a redacteur for that language', async () => {
		const { db } = database();
		expect(await contentAdmin.markChecked(db, nl, reviewer)).toBe('notReviewer');
		expect(
			await contentAdmin.grantReviewer(
				db,
				{ userId: reviewer, language: 'ti', dienst: 'Vertaalbureau' },
				editor
			)
		).toBe(true);
		expect(await contentAdmin.markChecked(db, nl, reviewer)).toBe('notReviewer');
		expect((await getTopic(db, 'ontheffing', 'nl', null))!.review.status).toBe('concept');
	});

	it('refuses a check by the person who last edited the text (four eyes)', async () => {
		const { db } = database();
		for (const id of [editor, reviewer])
			await contentAdmin.grantReviewer(
				db,
				{ userId: id, language: 'nl', dienst: 'Juridische zaken, sociale dienst' },
				editor
			);
		const before = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'nl');
		await contentAdmin.saveText(
			db,
			{
				...nl,
				title: before!.text!.title,
				summary: null,
				body: before!.text!.body + '\n\nEen zin erbij.',
				published: true,
				legalBasis: null,
				baseUpdatedAt: before!.text!.updatedAt
			},
			editor
		);
		expect(await contentAdmin.markChecked(db, nl, editor)).toBe('ownEdit');
		expect((await getTopic(db, 'ontheffing', 'nl', null))!.review.status).toBe('concept');
		const [edit] = await events('content.edit');
		expect(edit).toMatchObject({ actorId: editor, detail: { code: 'ontheffing', language: 'nl' } });
	});

	it('a check by another redacteur shows the client who, for which dienst, and when', async () => {
		const { db } = database();
		const at = new Date('2026-12-01T09:00:00Z');
		expect(await contentAdmin.markChecked(db, nl, reviewer, at)).toBe('checked');
		expect((await getTopic(db, 'ontheffing', 'nl', gemeenteId))!.review).toEqual({
			status: 'checked',
			checkedBy: 'Rik Redacteur',
			dienst: 'Juridische zaken, sociale dienst',
			checkedAt: at.toISOString()
		});
		const [check] = await events('content.check');
		expect(check).toMatchObject({
			actorId: reviewer,
			detail: { code: 'ontheffing', to: 'checked' }
		});
	});

	it('an edit after the check makes the text concept again, audited as a status change', async () => {
		const { db } = database();
		const before = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'nl');
		await contentAdmin.saveText(
			db,
			{
				...nl,
				title: before!.text!.title,
				summary: null,
				body: before!.text!.body,
				published: true,
				legalBasis: null,
				baseUpdatedAt: before!.text!.updatedAt
			},
			reviewer
		);
		expect((await getTopic(db, 'ontheffing', 'nl', null))!.review.status).toBe('concept');
		const status = await events('content.status');
		expect(status).toContainEqual(
			expect.objectContaining({
				actorId: reviewer,
				detail: expect.objectContaining({ from: 'checked', to: 'concept' })
			})
		);
		// Now the reviewer edited it last: only the other redacteur can check it.
		expect(await contentAdmin.markChecked(db, nl, reviewer)).toBe('ownEdit');
		expect(await contentAdmin.markChecked(db, nl, editor)).toBe('checked');
	});

	it('a gemeente that holds concept texts back shows its clients only checked texts', async () => {
		const { db } = database();
		const shown = (await listTopics(db, 'nl', gemeenteId)).length;
		expect(shown).toBeGreaterThan(10);
		expect(await contentAdmin.setShowConcept(db, 'lindewaard', false, editor)).toBe(true);
		const held = await listTopics(db, 'nl', gemeenteId);
		expect(held.map((t) => t.code)).toEqual(['ontheffing']);
		expect(await getTopic(db, 'maatregel', 'nl', gemeenteId)).toBeNull();
		// A concept translation falls back to the checked Dutch text, marked as Dutch.
		expect(await getTopic(db, 'ontheffing', 'ar', gemeenteId)).toMatchObject({ fallback: true });
		expect(await getInstrument(db, 'jobcoaching', 'nl', null, gemeenteId)).toBeNull();
		// Clients elsewhere still see concept texts, with the notice.
		expect((await listTopics(db, 'nl', null)).length).toBe(shown);
		const [setting] = await events('content.setting');
		expect(setting).toMatchObject({
			actorId: editor,
			detail: { gemeente: 'lindewaard', showConcept: false }
		});
		expect(await contentAdmin.setShowConcept(db, 'bestaat-niet', false, editor)).toBe(false);
	});

	it('removing a translation and unpublishing are audited with who and what', async () => {
		const { db } = database();
		const ar = { ...nl, language: 'ar' };
		expect(await contentAdmin.removeText(db, ar, editor)).toBe(true);
		const [removed] = await events('content.remove');
		expect(removed).toMatchObject({
			actorId: editor,
			detail: { code: 'ontheffing', language: 'ar', status: 'concept' }
		});
		expect(await contentAdmin.removeText(db, ar, editor)).toBe(false);
		expect(await events('content.remove')).toHaveLength(1);
		const jc = await contentAdmin.getEditableText(db, 'instrument', 'jobcoaching', 'nl');
		await contentAdmin.saveText(
			db,
			{
				kind: 'instrument',
				code: 'jobcoaching',
				language: 'nl',
				gemeenteCode: null,
				title: jc!.text!.title,
				summary: jc!.text!.summary,
				body: jc!.text!.body,
				published: false,
				legalBasis: null,
				baseUpdatedAt: jc!.text!.updatedAt
			},
			editor
		);
		const unpublished = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'content.status'));
		expect(unpublished.map((e) => e.detail)).toContainEqual(
			expect.objectContaining({ code: 'jobcoaching', published: false })
		);
	});

	it('revoking a redacteur is audited and stops their checks', async () => {
		const { db } = database();
		expect(
			await contentAdmin.revokeReviewer(db, { userId: editor, language: 'nl' }, reviewer)
		).toBe(true);
		expect(await contentAdmin.markChecked(db, { ...nl, code: 'maatregel' }, editor)).toBe(
			'notReviewer'
		);
		const grants = await events('content.reviewer');
		expect(grants.at(-1)).toMatchObject({
			actorId: reviewer,
			detail: { userId: editor, granted: false }
		});
		expect((await contentAdmin.listReviewers(db)).map((r) => r.language).sort()).toEqual([
			'nl',
			'ti'
		]);
	});
});
