import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/open';
import {
	auditEvent,
	instrument,
	instrumentText,
	planTextTranslation,
	topic,
	topicText,
	topicVersion
} from '../db/schema';
import { seedContent } from './content';
import { loadTopicContent } from './topics';
import { loadInstrumentCatalogue } from './catalogue';
import { loadTopicVersions } from './topic-versions';
import { loadPlanTextTranslations } from './plan-templates';
import { upgradeSeededTexts } from './upgrade-texts';

// A correction in the repository reaches an installation seeded before it: every kind of text
// (topic, instrument, dated version, plan text) no one saved in /beheer is replaced, becomes a
// concept again and is audited once; the same repository a second time changes nothing.

describe('upgradeSeededTexts', () => {
	let database: Database;
	beforeAll(async () => {
		database = await openDatabase({ dataDir: 'memory://' });
		await seedContent(database.db);
	}, 120_000);
	afterAll(async () => {
		await database.close();
	});

	it('replaces each changed text of every kind as a concept, audited, and only once', async () => {
		const { db } = database;
		const topics = structuredClone(loadTopicContent());
		const instruments = structuredClone(loadInstrumentCatalogue());
		const versions = structuredClone(loadTopicVersions());
		const planTexts = structuredClone(loadPlanTextTranslations());
		const t = topics[0]!;
		t.nl.body += '\n\nGecorrigeerd.';
		const i = instruments[0]!;
		i.texts.nl!.summary += ' Gecorrigeerd.';
		const v = versions[0]!;
		v.texts.nl!.title += ' (gecorrigeerd)';
		const p = planTexts[0]!;
		p.text += ' Gecorrigeerd.';
		const now = new Date('2026-12-07T12:00:00Z');

		expect(await upgradeSeededTexts(db, topics, instruments, now, versions, planTexts)).toEqual({
			topics: 1,
			instruments: 1,
			versions: 1,
			planTexts: 1
		});
		const [tRow] = await db
			.select({ body: topicText.body, status: topicText.status })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.where(
				and(eq(topic.code, t.code), eq(topicText.language, 'nl'), isNull(topicText.gemeenteId))
			);
		expect(tRow).toEqual({ body: t.nl.body, status: 'concept' });
		const [iRow] = await db
			.select({ summary: instrumentText.summary, status: instrumentText.status })
			.from(instrumentText)
			.innerJoin(instrument, eq(instrument.id, instrumentText.instrumentId))
			.where(and(eq(instrument.code, i.code), eq(instrumentText.language, 'nl')));
		expect(iRow).toEqual({ summary: i.texts.nl!.summary, status: 'concept' });
		const [vRow] = await db
			.select({ title: topicVersion.title, status: topicVersion.status })
			.from(topicVersion)
			.innerJoin(topic, eq(topic.id, topicVersion.topicId))
			.where(
				and(
					eq(topic.code, v.code),
					eq(topicVersion.language, 'nl'),
					eq(topicVersion.validFrom, v.validFrom)
				)
			);
		expect(vRow).toEqual({ title: v.texts.nl!.title, status: 'concept' });
		const [pRow] = await db
			.select({ text: planTextTranslation.text, status: planTextTranslation.status })
			.from(planTextTranslation)
			.where(
				and(eq(planTextTranslation.source, p.source), eq(planTextTranslation.language, p.language))
			);
		expect(pRow).toEqual({ text: p.text, status: 'concept' });
		const audited = await db
			.select({ detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, 'content.edit'));
		expect(audited.map((a) => a.detail?.kind).sort()).toEqual([
			'instrument',
			'plan-text',
			'topic',
			'topic-version'
		]);

		expect(await upgradeSeededTexts(db, topics, instruments, now, versions, planTexts)).toEqual({
			topics: 0,
			instruments: 0,
			versions: 0,
			planTexts: 0
		});
	});
});
