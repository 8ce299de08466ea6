import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { topic, topicVersion } from '../db/schema';
import { contentDir, headingsFor, translatedLanguages } from './content-files';
import { parseTopicMarkdown, type TopicText } from './topics';
import { SOURCE_LANGUAGE, type Language } from '../../i18n/languages';

// Dated versions kept in the repository: content/versions.json lists them, and
// content/versions/<date>/<code>.<lang>.md holds each language's text (same form as a topic).

const versionEntrySchema = z
	.object({
		validFrom: z.iso.date(),
		code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
		legalBasis: z.string().trim().min(3).max(200)
	})
	.strict();

export interface VersionContent {
	validFrom: string;
	code: string;
	legalBasis: string;
	texts: Partial<Record<Language, TopicText>>;
}

/** Reads content/versions.json and each version's texts; the Dutch text must exist. */
export function loadTopicVersions(dir = contentDir()): VersionContent[] {
	const listFile = path.join(dir, 'versions.json');
	if (!existsSync(listFile)) return [];
	const entries = z.array(versionEntrySchema).parse(JSON.parse(readFileSync(listFile, 'utf8')));
	const languages = [SOURCE_LANGUAGE, ...translatedLanguages(dir)];
	return entries.map((entry) => {
		const texts: VersionContent['texts'] = {};
		for (const lang of languages) {
			const file = path.join(dir, 'versions', entry.validFrom, `${entry.code}.${lang}.md`);
			if (!existsSync(file)) continue;
			texts[lang] = parseTopicMarkdown(
				readFileSync(file, 'utf8'),
				file,
				headingsFor(lang, dir).topic
			);
		}
		if (!texts[SOURCE_LANGUAGE])
			throw new Error(`${listFile}: ${entry.code} on ${entry.validFrom} has no Dutch text`);
		return { ...entry, texts };
	});
}

/**
 * Adds each dated version the database does not have yet, as concept (no one has checked
 * it). A version whose date has passed is still added: it is then simply in force.
 */
export async function seedTopicVersions(
	db: Db,
	versions: VersionContent[] = loadTopicVersions(),
	now = new Date()
): Promise<number> {
	if (!versions.length) return 0;
	const ids = new Map(
		(
			await db
				.select({ id: topic.id, code: topic.code })
				.from(topic)
				.where(
					inArray(
						topic.code,
						versions.map((v) => v.code)
					)
				)
		).map((r) => [r.code, r.id])
	);
	const rows = versions.flatMap((v) =>
		Object.entries(v.texts).flatMap(([language, text]) =>
			ids.has(v.code)
				? [
						{
							topicId: ids.get(v.code)!,
							language,
							validFrom: v.validFrom,
							title: text.title,
							body: text.body,
							legalBasis: v.legalBasis,
							status: 'concept' as const,
							updatedAt: now
						}
					]
				: []
		)
	);
	if (!rows.length) return 0;
	const added = await db
		.insert(topicVersion)
		.values(rows)
		.onConflictDoNothing()
		.returning({ language: topicVersion.language });
	return added.length;
}
