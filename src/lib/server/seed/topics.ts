import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { listWithUniqueCodes } from './unique-codes';
import { withoutTermMarks } from '../../content/glossary-terms';
import { contentDir, headingsFor, TOPIC_HEADINGS, translatedLanguages } from './content-files';
import { SOURCE_LANGUAGE, type Language } from '../../i18n/languages';
import type { Db } from '../db/open';
import { topic, topicText } from '../db/schema';

export { TOPIC_HEADINGS };

export const TOPIC_KINDS = ['duty', 'right', 'consequence'] as const;

export const topicEntrySchema = z
	.object({
		code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'code must be kebab-case'),
		kind: z.enum(TOPIC_KINDS),
		pictogram: z
			.string()
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*\.svg$/, 'pictogram must be a file name like name.svg'),
		legalBasis: z.string().trim().min(3).max(200),
		lastCheckedOn: z.iso.date()
	})
	.strict();

export const topicListSchema = listWithUniqueCodes(topicEntrySchema);

export type TopicEntry = z.infer<typeof topicEntrySchema>;

export interface TopicText {
	title: string;
	/** Markdown subset from the first `## ` heading on; the title is stored apart. */
	body: string;
}

export interface TopicContent extends TopicEntry {
	nl: TopicText;
	/** Translations found in content/topics/<code>.<lang>.md; a missing one is a gap, not an error. */
	translations: Partial<Record<Language, TopicText>>;
}

/** Validates topics.json; throws one readable error listing every problem. */
export function parseTopicList(data: unknown, source = 'topics.json'): TopicEntry[] {
	const result = topicListSchema.safeParse(data);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
		throw new Error(`${source} is invalid:\n${lines.join('\n')}`);
	}
	return result.data;
}

/** Splits a topic body into its level-2 sections. */
export function topicSections(body: string): { heading: string; text: string }[] {
	const sections: { heading: string; text: string }[] = [];
	for (const line of body.split('\n')) {
		const m = /^## (.+)$/.exec(line);
		if (m) sections.push({ heading: m[1]!.trim(), text: '' });
		else if (sections.length) sections[sections.length - 1]!.text += `${line}\n`;
	}
	return sections.map((s) => ({ heading: s.heading, text: s.text.trim() }));
}

// Anything the renderer does not support is refused here, so an editor sees it at seed time.
const UNSUPPORTED: [RegExp, string][] = [
	[/<\/?[a-z][^>]*>|<!--/i, 'contains raw HTML'],
	[/!\[/, 'contains an image'],
	[/^\s*\|/m, 'contains a table'],
	[/`/, 'contains code'],
	[/^\s*>/m, 'contains a block quote'],
	[/^\s*([*+]|\d+[.)])\s/m, 'uses a list marker other than "-"']
];

/** What a text uses beyond the Markdown subset the renderer supports, in words. */
export function unsupportedMarkdown(text: string): string[] {
	const problems = UNSUPPORTED.filter(([pattern]) => pattern.test(text)).map(([, m]) => m);
	for (const m of text.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)) {
		if (!/^https:\/\/[^\s]+$/.test(m[1]!)) problems.push(`link must be https://…: "${m[1]}"`);
	}
	return problems;
}

/**
 * Parses one `content/topics/<code>.<lang>.md` file: a `# Title` first line, then exactly the
 * four headings of its language as `## ` sections, in order, each with text. Throws naming the
 * file.
 */
export function parseTopicMarkdown(
	source: string,
	file: string,
	headingsOfLanguage: readonly string[] = TOPIC_HEADINGS
): TopicText {
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const problems: string[] = [];
	const [first = '', ...rest] = text.split('\n');
	const title = /^# (.+)$/.exec(first)?.[1]?.trim() ?? '';
	if (!title) problems.push('the first line must be "# Title"');
	else if (title.length > 80) problems.push('the title is longer than 80 characters');

	const body = rest.join('\n').trim();
	if (body && !body.startsWith('## '))
		problems.push('text between the title and the first section');
	const stray = body.split('\n').filter((l) => /^#/.test(l) && !/^## /.test(l));
	for (const line of stray) problems.push(`heading not allowed here: "${line}"`);

	const sections = topicSections(body);
	const headings = sections.map((s) => s.heading);
	if (headings.join('|') !== headingsOfLanguage.join('|')) {
		problems.push(
			`sections must be exactly "## ${headingsOfLanguage.join('", "## ')}" in this order` +
				` (found: ${headings.map((h) => `"${h}"`).join(', ') || 'none'})`
		);
	}
	for (const s of sections) if (!s.text) problems.push(`section "${s.heading}" is empty`);

	problems.push(...unsupportedMarkdown(text));

	if (problems.length) throw new Error(`${file} is invalid:\n  ${problems.join('\n  ')}`);
	return { title, body };
}

export interface TopicBlock {
	kind: 'heading' | 'paragraph' | 'item';
	text: string;
}

/**
 * A topic body as its blocks in order: each heading, paragraph and list item. A translation
 * that follows the Dutch has the same blocks in the same order, so block n of one language
 * says what block n of the other says.
 */
export function topicBlocks(body: string): TopicBlock[] {
	const blocks: TopicBlock[] = [];
	let open: TopicBlock | null = null;
	for (const line of body.split('\n')) {
		if (!line.trim()) open = null;
		else if (/^#/.test(line)) {
			blocks.push({ kind: 'heading', text: line.replace(/^#+\s*/, '').trim() });
			open = null;
		} else if (/^\s*-\s/.test(line)) {
			open = { kind: 'item', text: line.replace(/^\s*-\s+/, '').trim() };
			blocks.push(open);
		} else if (open) open.text += ` ${line.trim()}`;
		else {
			open = { kind: 'paragraph', text: line.trim() };
			blocks.push(open);
		}
	}
	return blocks;
}

/** Sentences of a topic text as plain words: list items and paragraphs, without headings. */
export function topicSentences(body: string): string[] {
	// A list item counts as a sentence of its own, even without a full stop.
	const blocks: string[] = [''];
	for (const line of body.split('\n')) {
		if (/^#/.test(line) || !line.trim()) blocks.push('');
		else if (/^\s*-\s/.test(line)) blocks.push(line.replace(/^\s*-\s+/, ''));
		else blocks[blocks.length - 1] += ` ${line}`;
	}
	return blocks
		.map((b) =>
			withoutTermMarks(b)
				.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
				.replace(/\*\*/g, '')
		)
		.flatMap((b) =>
			b
				.replace(/\s+/g, ' ')
				.trim()
				.split(/(?<=[.!?])\s+/)
		)
		.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export function wordCount(sentence: string): number {
	return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Average and longest sentence in words: the B1 check the tests and editors use. */
export function readability(body: string): { sentences: number; average: number; max: number } {
	const counts = topicSentences(body).map(wordCount);
	const total = counts.reduce((a, b) => a + b, 0);
	return {
		sentences: counts.length,
		average: counts.length ? total / counts.length : 0,
		max: Math.max(0, ...counts)
	};
}

/** Reads content/topics.json with each topic's Dutch text and the translations that exist. */
export function loadTopicContent(dir = contentDir()): TopicContent[] {
	const listFile = path.join(dir, 'topics.json');
	const entries = parseTopicList(JSON.parse(readFileSync(listFile, 'utf8')), listFile);
	const languages = translatedLanguages(dir).map((lang) => ({
		lang,
		headings: headingsFor(lang, dir).topic
	}));
	return entries.map((entry) => {
		const file = path.join(dir, 'topics', `${entry.code}.${SOURCE_LANGUAGE}.md`);
		if (!existsSync(file))
			throw new Error(`${file} is missing (topic "${entry.code}" in ${listFile})`);
		const translations: TopicContent['translations'] = {};
		for (const { lang, headings } of languages) {
			const translated = path.join(dir, 'topics', `${entry.code}.${lang}.md`);
			if (existsSync(translated))
				translations[lang] = parseTopicMarkdown(
					readFileSync(translated, 'utf8'),
					translated,
					headings
				);
		}
		return { ...entry, nl: parseTopicMarkdown(readFileSync(file, 'utf8'), file), translations };
	});
}

/**
 * Adds every topic whose code is not in the database yet, and every text (Dutch or a
 * translation) that a topic lacks. Every text starts as "concept" until a named redacteur
 * checks it in /beheer. Existing rows are left
 * alone, so edits made in /beheer survive a restart. Returns how many topics were added.
 */
export async function seedTopics(
	db: Db,
	topics: TopicContent[] = loadTopicContent(),
	now = new Date()
): Promise<number> {
	return db.transaction(async (tx) => {
		const added = await tx
			.insert(topic)
			.values(
				topics.map((t, i) => ({
					code: t.code,
					kind: t.kind,
					position: i + 1,
					pictogram: t.pictogram,
					legalBasis: t.legalBasis
				}))
			)
			.onConflictDoNothing({ target: topic.code })
			.returning({ id: topic.id });
		const ids = new Map(
			(
				await tx
					.select({ id: topic.id, code: topic.code })
					.from(topic)
					.where(
						inArray(
							topic.code,
							topics.map((t) => t.code)
						)
					)
			).map((r) => [r.code, r.id])
		);
		const texts = topics.flatMap((t) =>
			[[SOURCE_LANGUAGE, t.nl] as const, ...Object.entries(t.translations)].map(
				([language, text]) => ({
					topicId: ids.get(t.code)!,
					language,
					gemeenteId: null,
					title: text.title,
					body: text.body,
					lastCheckedOn: t.lastCheckedOn,
					// Nobody has checked a text from the repository: concept until a redacteur does.
					status: 'concept' as const,
					checkedAt: null,
					updatedAt: now
				})
			)
		);
		if (texts.length) await tx.insert(topicText).values(texts).onConflictDoNothing();
		return added.length;
	});
}
