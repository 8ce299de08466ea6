import { expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import {
	auditEvent,
	planTextTranslation,
	topic,
	topicText,
	topicVersion,
	user
} from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';

// Issue 17: an installation seeded before the corrections has the old, legally wrong texts.
// At the next start they are replaced (as concept, audited); a text an editor saved is kept.

const OLD_ONTHEFFING =
	'## Wat betekent dit voor jou\n\nEen ontheffing is altijd tijdelijk.\n\n## Wat moet je doen\n\nVraag het.';
const OLD_PRIVACY = '## Wat betekent dit voor jou\n\nDien eerst een klacht in bij de gemeente.';

describeEachDatabase('upgrading outdated seeded texts', (database) => {
	const textOf = async (code: string, language: string) => {
		const { db } = database();
		const [row] = await database()
			.db.select()
			.from(topicText)
			.where(
				and(
					eq(
						topicText.topicId,
						db.select({ id: topic.id }).from(topic).where(eq(topic.code, code))
					),
					eq(topicText.language, language),
					isNull(topicText.gemeenteId)
				)
			);
		return row!;
	};

	it('replaces an old seeded text with the corrected one, as concept, and audits it', async () => {
		const { db } = database();
		await seedContent(db);
		const [checker, editor] = await db
			.insert(user)
			.values([
				{ displayName: 'Rik Redacteur', roles: ['admin'] },
				{ displayName: 'Eva Editor', roles: ['admin'] }
			])
			.returning();
		const corrected = (await textOf('ontheffing', 'so')).body;
		// As an old installation has it: the old wording, once checked by someone.
		const ontheffingId = db
			.select({ id: topic.id })
			.from(topic)
			.where(eq(topic.code, 'ontheffing'));
		await db
			.update(topicText)
			.set({
				body: OLD_ONTHEFFING,
				status: 'checked',
				checkedBy: checker!.id,
				checkedAt: new Date()
			})
			.where(and(eq(topicText.topicId, ontheffingId), eq(topicText.language, 'so')));
		// A gemeente's own editor saved the privacy text: that stays.
		const privacyId = db.select({ id: topic.id }).from(topic).where(eq(topic.code, 'privacy'));
		await db
			.update(topicText)
			.set({ body: OLD_PRIVACY, editedBy: editor!.id })
			.where(and(eq(topicText.topicId, privacyId), eq(topicText.language, 'nl')));

		await seedContent(db);

		const upgraded = await textOf('ontheffing', 'so');
		expect(upgraded.body).toBe(corrected);
		expect(upgraded.status).toBe('concept');
		expect(upgraded.checkedBy).toBeNull();
		expect((await textOf('privacy', 'nl')).body).toBe(OLD_PRIVACY);
		const events = await db
			.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, 'content.edit'));
		expect(events).toEqual([
			{
				actorId: null,
				detail: {
					kind: 'topic',
					code: 'ontheffing',
					language: 'so',
					gemeente: null,
					upgraded: true
				}
			}
		]);
	});

	it('leaves an up-to-date installation alone at the next start', async () => {
		const { db } = database();
		const before = await textOf('maatregel', 'nl');
		await seedContent(db);
		const after = await textOf('maatregel', 'nl');
		expect(after.updatedAt).toEqual(before.updatedAt);
	});

	// Issue 17 (tr/uk formal address): a dated version seeded before the conversion still
	// addressed the reader as "sen"; on 1 January the client would see it.
	it('replaces an old seeded dated version too, as concept, and keeps an edited one', async () => {
		const { db } = database();
		const versionOf = async (code: string, language: string) =>
			(
				await db
					.select()
					.from(topicVersion)
					.where(
						and(
							eq(
								topicVersion.topicId,
								db.select({ id: topic.id }).from(topic).where(eq(topic.code, code))
							),
							eq(topicVersion.language, language),
							eq(topicVersion.validFrom, '2027-01-01')
						)
					)
			)[0]!;
		const setVersion = async (code: string, language: string, values: object) =>
			db
				.update(topicVersion)
				.set(values)
				.where(
					and(
						eq(
							topicVersion.topicId,
							db.select({ id: topic.id }).from(topic).where(eq(topic.code, code))
						),
						eq(topicVersion.language, language)
					)
				);
		const [checker, editor] = await db
			.insert(user)
			.values([
				{ displayName: 'Cem Kontrol', roles: ['admin'] },
				{ displayName: 'Oksana Redaktor', roles: ['admin'] }
			])
			.returning();
		const formal = (await versionOf('maatregel', 'tr')).body;
		expect(formal).toContain('sizin için');
		const old = '## Bu senin için ne anlama geliyor\n\nBir süre daha az para alırsın.';
		await setVersion('maatregel', 'tr', {
			body: old,
			status: 'checked',
			checkedBy: checker!.id,
			checkedAt: new Date()
		});
		const edited = '## Що це означає для вас\n\nТекст редактора.';
		await setVersion('ontheffing', 'uk', { body: edited, editedBy: editor!.id });

		await seedContent(db);

		const upgraded = await versionOf('maatregel', 'tr');
		expect(upgraded.body).toBe(formal);
		expect(upgraded.status).toBe('concept');
		expect(upgraded.checkedBy).toBeNull();
		expect((await versionOf('ontheffing', 'uk')).body).toBe(edited);
		const events = (
			await db
				.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
				.from(auditEvent)
				.where(eq(auditEvent.action, 'content.edit'))
		).filter((e) => (e.detail as { kind?: string }).kind === 'topic-version');
		expect(events).toEqual([
			{
				actorId: null,
				detail: {
					kind: 'topic-version',
					code: 'maatregel',
					language: 'tr',
					validFrom: '2027-01-01',
					gemeente: null,
					upgraded: true
				}
			}
		]);
	});

	// A plan template step seeded in the informal Turkish ("Özgeçmişini hazırla") keeps showing
	// in every plan made from that template, so it is brought up to date as well.
	it('replaces an old seeded plan text translation, as concept, and keeps a changed one', async () => {
		const { db } = database();
		const source = 'Je cv maken of bijwerken';
		const translationOf = async (language: string) =>
			(
				await db
					.select()
					.from(planTextTranslation)
					.where(
						and(eq(planTextTranslation.source, source), eq(planTextTranslation.language, language))
					)
			)[0]!;
		const formal = (await translationOf('tr')).text;
		expect(formal).toBe('Özgeçmişinizi hazırlayın veya güncelleyin');
		const [editor] = await db
			.insert(user)
			.values({ displayName: 'Anna Aanpasser', roles: ['klantmanager'] })
			.returning();
		const set = (language: string, values: object) =>
			db
				.update(planTextTranslation)
				.set(values)
				.where(
					and(eq(planTextTranslation.source, source), eq(planTextTranslation.language, language))
				);
		await set('tr', { text: 'Özgeçmişini hazırla veya güncelle', status: 'checked' });
		await set('uk', { text: 'Складіть резюме (змінено)', updatedBy: editor!.id });

		await seedContent(db);

		const upgraded = await translationOf('tr');
		expect(upgraded.text).toBe(formal);
		expect(upgraded.status).toBe('concept');
		expect((await translationOf('uk')).text).toBe('Складіть резюме (змінено)');
		const events = (
			await db
				.select({ detail: auditEvent.detail })
				.from(auditEvent)
				.where(eq(auditEvent.action, 'content.edit'))
		).filter((e) => (e.detail as { kind?: string }).kind === 'plan-text');
		expect(events).toEqual([
			{
				detail: { kind: 'plan-text', code: source, language: 'tr', gemeente: null, upgraded: true }
			}
		]);
	});
});
