import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import {
	auditEvent,
	instrumentText,
	topicText,
	topicVersion,
	user
} from '../../src/lib/server/db/schema';
import * as glossary from '../../src/lib/server/content/glossary';
import { seedContent } from '../../src/lib/server/seed/content';
import * as contentAdmin from '../../src/lib/server/content/content-admin';
import * as glossaryAdmin from '../../src/lib/server/content/glossary-admin';
import { getTopic } from '../../src/lib/server/content/content';

// Issue 17: the glossary editor in /beheer. An entry per language is a concept until a
// redacteur of that language checks it (not its last editor); a term a text marks cannot be
// removed, and the refusal names the texts. Every change is an audit event.

describeEachDatabase('glossary editor', (database) => {
	let editor = '';
	let reviewer = '';
	const events = async (action: string) =>
		database()
			.db.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, action));
	const entry = async (language: string, term: string) =>
		(await glossaryAdmin.entriesOf(database().db, language)).find((e) => e.term === term);

	it('adds an entry as concept, audited, and a Turkish text may then mark the term', async () => {
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
		expect(
			await glossaryAdmin.saveEntry(
				db,
				{
					language: 'tr',
					term: 'Belastingdienst',
					label: 'Vergi Dairesi (Belastingdienst)',
					explanation: 'Hollanda’nın vergi dairesi.',
					baseUpdatedAt: null
				},
				editor
			)
		).toBe('saved');
		expect(await entry('tr', 'Belastingdienst')).toMatchObject({
			status: 'concept',
			editedBy: 'Eva Editor',
			checkedBy: null
		});
		expect(await events('content.edit')).toContainEqual({
			actorId: editor,
			detail: expect.objectContaining({
				kind: 'glossary',
				language: 'tr',
				term: 'Belastingdienst',
				created: true
			})
		});
	});

	it('refuses a stale edit and a second "add" of the same term: nothing is overwritten', async () => {
		const { db } = database();
		const edit = {
			language: 'tr',
			term: 'Belastingdienst',
			label: 'Başka',
			explanation: 'Başka bir açıklama.'
		};
		expect(await glossaryAdmin.saveEntry(db, { ...edit, baseUpdatedAt: null }, reviewer)).toBe(
			'conflict'
		);
		expect(
			await glossaryAdmin.saveEntry(
				db,
				{ ...edit, baseUpdatedAt: '2020-01-01T00:00:00.000Z' },
				reviewer
			)
		).toBe('conflict');
		expect((await entry('tr', 'Belastingdienst'))!.label).toBe('Vergi Dairesi (Belastingdienst)');
	});

	it('only a redacteur of that language, other than the last editor, checks an entry', async () => {
		const { db } = database();
		const target = { language: 'tr', term: 'Belastingdienst' };
		expect(await glossaryAdmin.checkEntry(db, target, reviewer)).toBe('notReviewer');
		await contentAdmin.grantReviewer(
			db,
			{ userId: reviewer, language: 'nl', dienst: 'Juridische zaken' },
			editor
		);
		// A Dutch redacteur is not a Turkish one.
		expect(await glossaryAdmin.checkEntry(db, target, reviewer)).toBe('notReviewer');
		for (const userId of [editor, reviewer])
			await contentAdmin.grantReviewer(
				db,
				{ userId, language: 'tr', dienst: 'Vertaalbureau' },
				editor
			);
		expect(await glossaryAdmin.checkEntry(db, target, editor)).toBe('ownEdit');
		const at = new Date('2026-12-07T09:00:00Z');
		expect(await glossaryAdmin.checkEntry(db, target, reviewer, at)).toBe('checked');
		expect(await entry('tr', 'Belastingdienst')).toMatchObject({
			status: 'checked',
			checkedBy: 'Rik Redacteur',
			checkedAt: at.toISOString()
		});
		expect(await events('content.check')).toContainEqual({
			actorId: reviewer,
			detail: expect.objectContaining({ kind: 'glossary', term: 'Belastingdienst', to: 'checked' })
		});
		expect(
			await glossaryAdmin.checkEntry(db, { language: 'tr', term: 'Bestaat niet' }, reviewer)
		).toBe('notFound');
	});

	it('editing a checked entry makes it a concept again', async () => {
		const { db } = database();
		const before = await entry('tr', 'Belastingdienst');
		expect(
			await glossaryAdmin.saveEntry(
				db,
				{
					language: 'tr',
					term: 'Belastingdienst',
					label: 'Vergi Dairesi',
					explanation: 'Hollanda’da vergileri toplayan kurum.',
					baseUpdatedAt: before!.updatedAt
				},
				reviewer
			)
		).toBe('saved');
		expect(await entry('tr', 'Belastingdienst')).toMatchObject({
			status: 'concept',
			checkedBy: null,
			editedBy: 'Rik Redacteur'
		});
		expect(
			await glossaryAdmin.checkEntry(db, { language: 'tr', term: 'Belastingdienst' }, reviewer)
		).toBe('ownEdit');
	});

	it('refuses to remove a term a text marks, naming the texts; an unused one goes', async () => {
		const { db } = database();
		const using = await glossaryAdmin.textsUsing(db, 'nl', 'ombudsman');
		expect(using.map((t) => t.title)).toContain(
			(await getTopic(db, 'bezwaar-en-klachten', 'nl', null))!.title
		);
		const refused = await glossaryAdmin.removeEntry(
			db,
			{ language: 'nl', term: 'ombudsman' },
			editor
		);
		expect(refused).toMatchObject({ ok: false, error: 'inUse' });
		expect(await entry('nl', 'ombudsman')).toBeDefined();
		// A dated version that marks a term counts too.
		const maatregel = await glossaryAdmin.textsUsing(db, 'nl', 'Maatregelenbesluit');
		expect(maatregel.some((t) => t.validFrom === '2027-01-01')).toBe(true);
		expect(
			await glossaryAdmin.removeEntry(db, { language: 'tr', term: 'Belastingdienst' }, editor)
		).toEqual({ ok: true });
		expect(await entry('tr', 'Belastingdienst')).toBeUndefined();
		expect(await events('content.remove')).toContainEqual({
			actorId: editor,
			detail: expect.objectContaining({ kind: 'glossary', term: 'Belastingdienst' })
		});
		expect(
			await glossaryAdmin.removeEntry(db, { language: 'tr', term: 'Belastingdienst' }, editor)
		).toEqual({ ok: false, error: 'notFound' });
	});

	it('a removed entry stays removed when the repository content is seeded again at start', async () => {
		const { db } = database();
		// The Turkish texts stop marking DigiD, so its entry may go.
		for (const table of [topicText, instrumentText, topicVersion])
			await db
				.update(table)
				.set({ body: sql`replace(${table.body}, '[[DigiD]]', 'DigiD')` })
				.where(eq(table.language, 'tr'));
		expect(await glossaryAdmin.textsUsing(db, 'tr', 'DigiD')).toEqual([]);
		expect(await glossaryAdmin.removeEntry(db, { language: 'tr', term: 'DigiD' }, editor)).toEqual({
			ok: true
		});
		await seedContent(db);
		expect(await entry('tr', 'DigiD')).toBeUndefined();
		expect(await glossary.unknownTerms(db, 'tr', 'Giriş: [[DigiD]].')).toEqual(['DigiD']);
		// Adding it again is an add, not an edit of the removed one.
		expect(
			await glossaryAdmin.saveEntry(
				db,
				{
					language: 'tr',
					term: 'DigiD',
					label: 'DigiD',
					explanation: 'Devletin internet sitelerine girişiniz.',
					baseUpdatedAt: null
				},
				editor
			)
		).toBe('saved');
		expect(await entry('tr', 'DigiD')).toMatchObject({ status: 'concept', editedBy: 'Eva Editor' });
	});
});
