import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, gemeente, topic, topicText, user } from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';
import * as contentAdmin from '../../src/lib/server/content/content-admin';
import { getTopic, listTopics } from '../../src/lib/server/content/content';

// Issue 17, the /beheer side of texts that switch on a date: after a version's date the editor
// edits the text in force; a dated version can be edited and checked before its date (four
// eyes, audited) and not edited after; a gemeente variant is not replaced by a dienst-wide
// version; a gemeente that holds concept texts back keeps the checked older text.

const DEC_7 = new Date('2026-12-07T10:00:00Z');
const JAN_1 = '2027-01-01';
const JAN_2 = new Date('2027-01-02T10:00:00Z');

describeEachDatabase('editing dated versions in beheer', (database) => {
	let editor = '';
	let reviewer = '';
	let gemeenteId = '';
	const topicTarget = (code: string, extra: Partial<contentAdmin.TextTarget> = {}) => ({
		kind: 'topic' as const,
		code,
		language: 'nl',
		gemeenteCode: null,
		...extra
	});
	const edit = (
		target: contentAdmin.TextTarget,
		title: string,
		base: string | null,
		body = '## Wat betekent dit voor jou\n\nNieuwe tekst.'
	) => ({
		...target,
		title,
		summary: null,
		body,
		published: true,
		legalBasis: null,
		baseUpdatedAt: base
	});
	const events = async (action: string) =>
		database()
			.db.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, action));

	it('sets up texts, two redacteuren and a gemeente', async () => {
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
		for (const userId of [editor, reviewer])
			await contentAdmin.grantReviewer(
				db,
				{ userId, language: 'nl', dienst: 'Juridische zaken' },
				editor
			);
		const [g] = await db
			.insert(gemeente)
			.values({ code: 'lindewaard', name: 'Lindewaard' })
			.returning();
		gemeenteId = g!.id;
	});

	it('after the date of a version the editor opens the text in force, not the old one', async () => {
		const { db } = database();
		const before = await contentAdmin.getEditableText(db, 'topic', 'tegenprestatie', 'nl', null, {
			today: '2026-12-31'
		});
		expect(before!.text!.title).toBe('Iets terugdoen: tegenprestatie');
		expect(before!.version).toBeNull();
		const after = await contentAdmin.getEditableText(db, 'topic', 'tegenprestatie', 'nl', null, {
			today: JAN_1
		});
		expect(after!.text!.title).toBe('Meedoen in de samenleving');
		expect(after!.version).toEqual({ validFrom: JAN_1, inForce: true });
		// A translator works from the Dutch text in force.
		const ar = await contentAdmin.getEditableText(db, 'topic', 'tegenprestatie', 'ar', null, {
			today: JAN_1
		});
		expect(ar!.source.title).toBe('Meedoen in de samenleving');
	});

	it('saving after the date changes what clients read; the old text stays as history', async () => {
		const { db } = database();
		const t = topicTarget('tegenprestatie');
		const open = await contentAdmin.getEditableText(db, 'topic', 'tegenprestatie', 'nl', null, {
			today: '2027-01-02'
		});
		expect(
			await contentAdmin.saveText(
				db,
				edit(t, 'Meedoen: wat je samen afspreekt', open!.text!.updatedAt),
				editor,
				JAN_2
			)
		).toBe('saved');
		const view = await getTopic(db, 'tegenprestatie', 'nl', null, '2027-01-02');
		expect(view!.title).toBe('Meedoen: wat je samen afspreekt');
		expect(view!.review.status).toBe('concept');
		const [old] = await db
			.select({ title: topicText.title })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.where(and(eq(topic.code, 'tegenprestatie'), eq(topicText.language, 'nl')));
		expect(old!.title).toBe('Iets terugdoen: tegenprestatie');
		// Translations of the version stay shown: the Dutch edit is no new date.
		expect((await getTopic(db, 'tegenprestatie', 'en', null, '2027-01-02'))!.fallback).toBe(false);
		expect(await events('content.edit')).toContainEqual({
			actorId: editor,
			detail: expect.objectContaining({ code: 'tegenprestatie', validFrom: JAN_1 })
		});
	});

	it('checking after the date checks the text in force (four eyes)', async () => {
		const { db } = database();
		const t = topicTarget('tegenprestatie');
		expect(await contentAdmin.markChecked(db, t, editor, JAN_2)).toBe('ownEdit');
		const at = new Date('2027-01-03T09:00:00Z');
		expect(await contentAdmin.markChecked(db, t, reviewer, at)).toBe('checked');
		expect((await getTopic(db, 'tegenprestatie', 'nl', null, '2027-01-03'))!.review).toEqual({
			status: 'checked',
			checkedBy: 'Rik Redacteur',
			dienst: 'Juridische zaken',
			checkedAt: at.toISOString()
		});
	});

	it('a dated version can be edited before its date, with the same conflict check', async () => {
		const { db } = database();
		const t = topicTarget('maatregel', { validFrom: JAN_1 });
		const open = await contentAdmin.getEditableText(db, 'topic', 'maatregel', 'nl', null, {
			validFrom: JAN_1,
			today: '2026-12-07'
		});
		expect(open!.version).toEqual({ validFrom: JAN_1, inForce: false });
		expect(open!.text!.body).toContain('Maatregelenbesluit');
		const stale = await contentAdmin
			.saveText(db, edit(t, 'Oud', '2020-01-01T00:00:00.000Z'), editor, DEC_7)
			.catch((e) => e);
		expect(stale).toBeInstanceOf(contentAdmin.EditConflict);
		expect(
			await contentAdmin.saveText(
				db,
				edit(t, 'Minder uitkering: de maatregel', open!.text!.updatedAt),
				editor,
				DEC_7
			)
		).toBe('saved');
		expect((await getTopic(db, 'maatregel', 'nl', null, JAN_1))!.title).toBe(
			'Minder uitkering: de maatregel'
		);
		// Until the date clients read the current text.
		expect((await getTopic(db, 'maatregel', 'nl', null, '2026-12-31'))!.title).not.toBe(
			'Minder uitkering: de maatregel'
		);
		expect(await events('content.edit')).toContainEqual({
			actorId: editor,
			detail: expect.objectContaining({ code: 'maatregel', validFrom: JAN_1, created: false })
		});
	});

	it('a reviewer checks a dated version before its date; the editor cannot', async () => {
		const { db } = database();
		const t = topicTarget('maatregel', { validFrom: JAN_1 });
		expect(await contentAdmin.markChecked(db, t, editor, DEC_7)).toBe('ownEdit');
		expect(await contentAdmin.markChecked(db, t, reviewer, DEC_7)).toBe('checked');
		expect((await getTopic(db, 'maatregel', 'nl', null, JAN_1))!.review.checkedBy).toBe(
			'Rik Redacteur'
		);
		expect(await events('content.check')).toContainEqual({
			actorId: reviewer,
			detail: expect.objectContaining({ code: 'maatregel', validFrom: JAN_1, to: 'checked' })
		});
		expect(
			await contentAdmin.markChecked(
				db,
				topicTarget('maatregel', { validFrom: '2031-01-01' }),
				reviewer
			)
		).toBe('notFound');
	});

	it('a dated version cannot be edited through its date after that date', async () => {
		const { db } = database();
		const t = topicTarget('maatregel', { validFrom: JAN_1 });
		const open = await contentAdmin.getEditableText(db, 'topic', 'maatregel', 'nl', null, {
			validFrom: JAN_1,
			today: '2027-01-02'
		});
		expect(open!.version).toEqual({ validFrom: JAN_1, inForce: true });
		expect(
			await contentAdmin.saveText(db, edit(t, 'Te laat', open!.text!.updatedAt), editor, JAN_2)
		).toBe('inForce');
		expect((await getTopic(db, 'maatregel', 'nl', null, '2027-01-02'))!.title).toBe(
			'Minder uitkering: de maatregel'
		);
		expect(
			await contentAdmin.getEditableText(db, 'topic', 'maatregel', 'nl', null, {
				validFrom: '2031-01-01'
			})
		).toBeNull();
	});

	it('a gemeente variant stays after a dienst-wide version, and beheer says it is older', async () => {
		const { db } = database();
		const t = topicTarget('ontheffing', { gemeenteCode: 'lindewaard' });
		expect(
			await contentAdmin.saveText(db, edit(t, 'Ontheffing in Lindewaard', null), editor, DEC_7)
		).toBe('saved');
		expect((await getTopic(db, 'ontheffing', 'nl', gemeenteId, JAN_1))!.title).toBe(
			'Ontheffing in Lindewaard'
		);
		// Without the gemeente, the new version.
		expect((await getTopic(db, 'ontheffing', 'nl', null, JAN_1))!.blocks).not.toEqual(
			(await getTopic(db, 'ontheffing', 'nl', gemeenteId, JAN_1))!.blocks
		);
		expect(
			(await listTopics(db, 'nl', gemeenteId, JAN_1)).filter((x) => x.code === 'ontheffing')
		).toHaveLength(1);
		const variant = await contentAdmin.getEditableText(
			db,
			'topic',
			'ontheffing',
			'nl',
			'lindewaard',
			{ today: JAN_1 }
		);
		expect(variant!.text!.title).toBe('Ontheffing in Lindewaard');
		expect(variant!.newerVersion).toBe(JAN_1);
		const general = await contentAdmin.getEditableText(db, 'topic', 'ontheffing', 'nl', null, {
			today: JAN_1
		});
		expect(general!.newerVersion).toBeNull();
	});

	it('a gemeente that holds concept texts back keeps the checked older text', async () => {
		const { db } = database();
		// The current Dutch "werken naast je uitkering" is checked; its 1-1-2027 version is not.
		const t = topicTarget('werken-naast-je-uitkering');
		expect(await contentAdmin.markChecked(db, t, reviewer, DEC_7)).toBe('checked');
		await contentAdmin.setShowConcept(db, 'lindewaard', false, editor);
		const before = await getTopic(db, 'werken-naast-je-uitkering', 'nl', gemeenteId, '2026-12-31');
		const after = await getTopic(db, 'werken-naast-je-uitkering', 'nl', gemeenteId, JAN_1);
		expect(after).not.toBeNull();
		expect(after!.blocks).toEqual(before!.blocks);
		expect(after!.review.checkedBy).toBe('Rik Redacteur');
		expect((await listTopics(db, 'nl', gemeenteId, JAN_1)).map((x) => x.code)).toContain(
			'werken-naast-je-uitkering'
		);
		// A reader of Arabic gets the checked Dutch text, marked.
		expect(await getTopic(db, 'werken-naast-je-uitkering', 'ar', gemeenteId, JAN_1)).toMatchObject({
			title: before!.title,
			fallback: true
		});
		// Once the version is checked, it shows from its date.
		const version = topicTarget('werken-naast-je-uitkering', { validFrom: JAN_1 });
		expect(await contentAdmin.markChecked(db, version, reviewer, DEC_7)).toBe('checked');
		const checkedVersion = await getTopic(db, 'werken-naast-je-uitkering', 'nl', gemeenteId, JAN_1);
		expect(checkedVersion!.blocks).not.toEqual(before!.blocks);
		expect(checkedVersion!.review.status).toBe('checked');
	});

	it('the client keeps reading the dienst of the check, after the redacteur moves or leaves', async () => {
		const { db } = database();
		await contentAdmin.grantReviewer(
			db,
			{ userId: reviewer, language: 'nl', dienst: 'Team Taal' },
			editor
		);
		const checkedBy = async () => {
			const version = await getTopic(db, 'tegenprestatie', 'nl', null, '2027-01-03');
			const current = await getTopic(db, 'werken-naast-je-uitkering', 'nl', null, '2026-12-31');
			return [version!.review, current!.review].map((r) => `${r.checkedBy}, ${r.dienst}`);
		};
		expect(await checkedBy()).toEqual([
			'Rik Redacteur, Juridische zaken',
			'Rik Redacteur, Juridische zaken'
		]);
		await contentAdmin.revokeReviewer(db, { userId: reviewer, language: 'nl' }, editor);
		expect(await checkedBy()).toEqual([
			'Rik Redacteur, Juridische zaken',
			'Rik Redacteur, Juridische zaken'
		]);
	});
});
