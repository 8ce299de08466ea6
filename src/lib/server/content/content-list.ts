import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	gemeente,
	instrument,
	instrumentText,
	topic,
	topicText,
	type TextStatus
} from '../db/schema';
import { SOURCE_LANGUAGE } from '../../i18n/languages';
import type { ContentKind } from './content-text';

// The overview in /beheer/teksten: every topic and instrument with its status per language.

export interface TextCell {
	status: TextStatus;
	updatedAt: string;
}

export interface ContentRow {
	kind: ContentKind;
	code: string;
	/** The Dutch title or name. */
	title: string;
	published: boolean;
	/** Dienst-wide text per language; a language without a text is missing. */
	texts: Record<string, TextCell>;
	/** Gemeente variants of a topic, by gemeente code. */
	variants: string[];
}

/** Every topic and instrument with the status of its text in each language. */
export async function listContent(db: Db): Promise<ContentRow[]> {
	const [topics, instruments, variants] = await Promise.all([
		db
			.select({
				code: topic.code,
				published: topic.published,
				language: topicText.language,
				title: topicText.title,
				status: topicText.status,
				updatedAt: topicText.updatedAt
			})
			.from(topic)
			.innerJoin(topicText, eq(topicText.topicId, topic.id))
			.where(isNull(topicText.gemeenteId))
			.orderBy(asc(topic.position)),
		db
			.select({
				code: instrument.code,
				published: instrument.active,
				language: instrumentText.language,
				title: instrumentText.name,
				status: instrumentText.status,
				updatedAt: instrumentText.updatedAt
			})
			.from(instrument)
			.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
			.orderBy(asc(instrument.code)),
		db
			.select({ code: topic.code, gemeente: gemeente.code })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.innerJoin(gemeente, eq(gemeente.id, topicText.gemeenteId))
	]);
	const rows = new Map<string, ContentRow>();
	const add = (kind: ContentKind, r: (typeof topics)[number]) => {
		const key = `${kind}:${r.code}`;
		const row = rows.get(key) ?? {
			kind,
			code: r.code,
			title: '',
			published: r.published,
			texts: {},
			variants: []
		};
		if (r.language === SOURCE_LANGUAGE) row.title = r.title;
		row.texts[r.language] = { status: r.status, updatedAt: r.updatedAt.toISOString() };
		rows.set(key, row);
	};
	for (const r of topics) add('topic', r);
	for (const r of instruments) add('instrument', r);
	for (const v of variants) rows.get(`topic:${v.code}`)?.variants.push(v.gemeente);
	return [...rows.values()];
}

export interface TranslationCount {
	language: string;
	kind: ContentKind;
	total: number;
	missing: number;
	concept: number;
	checked: number;
}

/** Languages × kinds: how many texts are missing, still a draft, or checked. */
export function translationCounts(rows: ContentRow[], languages: readonly string[]) {
	const counts: TranslationCount[] = [];
	for (const language of languages) {
		for (const kind of ['topic', 'instrument'] as const) {
			const ofKind = rows.filter((r) => r.kind === kind);
			const cells = ofKind.map((r) => r.texts[language]);
			counts.push({
				language,
				kind,
				total: ofKind.length,
				missing: cells.filter((c) => !c).length,
				concept: cells.filter((c) => c?.status === 'concept').length,
				checked: cells.filter((c) => c?.status === 'checked').length
			});
		}
	}
	return counts;
}
