import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, topic, topicText, user } from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';
import * as contentAdmin from '../../src/lib/server/content/content-admin';
import * as versions from '../../src/lib/server/content/topic-versions';
import { getTopic, listTopics } from '../../src/lib/server/content/content';
import { amsterdamDay } from '../../src/lib/dates';

// Issue 17: a text version with "geldig vanaf". The 1-1-2027 versions are prepared as concept;
// on that day clients read them with no button pressed, and the old text stays as history.

const DEC_31 = '2026-12-31';
const JAN_1 = '2027-01-01';

describeEachDatabase('texts that switch on a date', (database) => {
	let editor = '';
	let reviewer = '';

	it('on 31 December clients still read the tegenprestatie; on 1 January maatschappelijke participatie', async () => {
		const { db } = database();
		await seedContent(db);
		const before = await getTopic(db, 'tegenprestatie', 'nl', null, DEC_31);
		expect(before!.title).toBe('Iets terugdoen: tegenprestatie');
		const after = await getTopic(db, 'tegenprestatie', 'nl', null, JAN_1);
		expect(after!.title).toBe('Meedoen in de samenleving');
		expect(after!.legalBasis).toMatch(/maatschappelijke participatie/);
		expect(after!.glossary.map((g) => g.term)).toContain('maatschappelijke participatie');
		// Nobody checked the new version: the client is told so.
		expect(after!.review.status).toBe('concept');
		// The list of topics switches on the same day.
		const titles = async (day: string) =>
			(await listTopics(db, 'nl', null, day)).map((t) => t.title);
		expect(await titles(DEC_31)).toContain('Iets terugdoen: tegenprestatie');
		expect(await titles(JAN_1)).toContain('Meedoen in de samenleving');
		expect(await titles(JAN_1)).not.toContain('Iets terugdoen: tegenprestatie');
	});

	it('switches at midnight Amsterdam time, not UTC', async () => {
		const { db } = database();
		// 23:30 UTC on 31 December is already 00:30 on 1 January in Amsterdam.
		const day = amsterdamDay(new Date('2026-12-31T23:30:00Z'));
		expect(day).toBe(JAN_1);
		expect((await getTopic(db, 'maatregel', 'nl', null, day))!.blocks).toEqual(
			(await getTopic(db, 'maatregel', 'nl', null, JAN_1))!.blocks
		);
		const lateDec = amsterdamDay(new Date('2026-12-31T22:30:00Z'));
		expect(lateDec).toBe(DEC_31);
		const text = JSON.stringify((await getTopic(db, 'maatregel', 'nl', null, lateDec))!.blocks);
		expect(text).not.toContain('Maatregelenbesluit');
	});

	it('keeps the old text as history: nothing is overwritten', async () => {
		const { db } = database();
		const [old] = await db
			.select({ title: topicText.title })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.where(and(eq(topic.code, 'tegenprestatie'), eq(topicText.language, 'nl')));
		expect(old!.title).toBe('Iets terugdoen: tegenprestatie');
	});

	it('shows in beheer what changes on which date and what is not ready', async () => {
		const { db } = database();
		const upcoming = await versions.upcomingChanges(db, DEC_31);
		const codes = upcoming.map((c) => `${c.validFrom} ${c.code}`);
		expect(codes).toEqual(
			expect.arrayContaining([
				`${JAN_1} tegenprestatie`,
				`${JAN_1} maatregel`,
				`${JAN_1} ontheffing`
			])
		);
		const maatregel = upcoming.find((c) => c.code === 'maatregel')!;
		expect(maatregel.languages.nl).toBe('concept');
		expect(maatregel.ready).toBe(false);
		// On the day itself the change is no longer upcoming.
		expect(await versions.upcomingChanges(db, JAN_1)).toEqual([]);
	});

	it('refuses a date in the past and a second version on the same date', async () => {
		const { db } = database();
		const [e, r] = await db
			.insert(user)
			.values([
				{ displayName: 'Eva Editor', roles: ['admin'] },
				{ displayName: 'Rik Redacteur', roles: ['admin'] }
			])
			.returning();
		editor = e!.id;
		reviewer = r!.id;
		const input = {
			code: 'taaleis',
			language: 'nl',
			validFrom: '2026-12-30',
			title: 'Taaleis',
			body: '## Wat betekent dit voor jou\n\nTekst.',
			legalBasis: null
		};
		const now = new Date('2026-12-31T10:00:00Z');
		expect(await versions.scheduleVersion(db, input, editor, now)).toBe('pastDate');
		expect(
			await versions.scheduleVersion(db, { ...input, validFrom: '2027-07-01' }, editor, now)
		).toBe('saved');
		expect(
			await versions.scheduleVersion(db, { ...input, validFrom: '2027-07-01' }, editor, now)
		).toBe('dateTaken');
		expect(
			await versions.scheduleVersion(
				db,
				{ ...input, code: 'bestaat-niet', validFrom: '2027-07-01' },
				editor,
				now
			)
		).toBe('notFound');
		const events = await db
			.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, 'content.edit'));
		expect(events).toContainEqual({
			actorId: editor,
			detail: expect.objectContaining({ code: 'taaleis', validFrom: '2027-07-01', created: true })
		});
	});

	it('a redacteur other than the editor checks a version; the client then sees who', async () => {
		const { db } = database();
		const target = { code: 'taaleis', language: 'nl', validFrom: '2027-07-01' };
		expect(await versions.checkVersion(db, target, reviewer)).toBe('notReviewer');
		for (const userId of [editor, reviewer])
			await contentAdmin.grantReviewer(
				db,
				{ userId, language: 'nl', dienst: 'Juridische zaken' },
				editor
			);
		expect(await versions.checkVersion(db, target, editor)).toBe('ownEdit');
		const at = new Date('2027-01-05T09:00:00Z');
		expect(await versions.checkVersion(db, target, reviewer, at)).toBe('checked');
		expect((await getTopic(db, 'taaleis', 'nl', null, '2027-06-30'))!.review.status).toBe(
			'concept'
		);
		const view = await getTopic(db, 'taaleis', 'nl', null, '2027-07-01');
		expect(view!.review).toEqual({
			status: 'checked',
			checkedBy: 'Rik Redacteur',
			dienst: 'Juridische zaken',
			checkedAt: at.toISOString()
		});
	});

	it('an Arabic reader gets the Arabic version, or the Dutch one marked when it is missing', async () => {
		const { db } = database();
		const ar = await getTopic(db, 'taaleis', 'ar', null, '2027-07-01');
		// Only a Dutch version exists for July: it replaces the text, marked as Dutch.
		expect(ar).toMatchObject({ title: 'Taaleis', fallback: true });
	});
});
