import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { listWithUniqueCodes } from './unique-codes';
import type { Db } from '../open';
import { topic, topicText } from '../schema';

/** The four headings every rights-and-duties text has, in this order (DOMAIN.md). */
export const TOPIC_HEADINGS = [
	'Wat betekent dit voor jou',
	'Wat moet je doen',
	'Wat gebeurt er als je dit niet doet',
	'Wie kun je vragen'
] as const;

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

/**
 * Parses one `content/topics/<code>.<lang>.md` file: a `# Title` first line, then exactly the
 * four TOPIC_HEADINGS as `## ` sections, in order, each with text. Throws naming the file.
 */
export function parseTopicMarkdown(source: string, file: string): TopicText {
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
	if (headings.join('|') !== TOPIC_HEADINGS.join('|')) {
		problems.push(
			`sections must be exactly "## ${TOPIC_HEADINGS.join('", "## ')}" in this order` +
				` (found: ${headings.map((h) => `"${h}"`).join(', ') || 'none'})`
		);
	}
	for (const s of sections) if (!s.text) problems.push(`section "${s.heading}" is empty`);

	for (const [pattern, message] of UNSUPPORTED) if (pattern.test(text)) problems.push(message);
	for (const m of text.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)) {
		if (!/^https:\/\/[^\s]+$/.test(m[1]!)) problems.push(`link must be https://…: "${m[1]}"`);
	}

	if (problems.length) throw new Error(`${file} is invalid:\n  ${problems.join('\n  ')}`);
	return { title, body };
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
		.map((b) => b.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*/g, ''))
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

/** Reads content/topics.json and each topic's Dutch text, relative to the working directory. */
export function loadTopicContent(dir = path.resolve('content')): TopicContent[] {
	const listFile = path.join(dir, 'topics.json');
	const entries = parseTopicList(JSON.parse(readFileSync(listFile, 'utf8')), listFile);
	return entries.map((entry) => {
		const file = path.join(dir, 'topics', `${entry.code}.nl.md`);
		let source: string;
		try {
			source = readFileSync(file, 'utf8');
		} catch {
			throw new Error(`${file} is missing (topic "${entry.code}" in ${listFile})`);
		}
		return { ...entry, nl: parseTopicMarkdown(source, file) };
	});
}

/**
 * Adds every topic whose code is not in the database yet, with its Dutch dienst-wide text.
 * Dutch is the source language, so that text counts as checked. Existing topics are left
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
			.returning({ id: topic.id, code: topic.code });
		if (!added.length) return 0;
		const byCode = new Map(topics.map((t) => [t.code, t]));
		await tx.insert(topicText).values(
			added.map(({ id, code }) => {
				const t = byCode.get(code)!;
				return {
					topicId: id,
					language: 'nl',
					municipalityId: null,
					title: t.nl.title,
					body: t.nl.body,
					lastCheckedOn: t.lastCheckedOn,
					status: 'checked' as const,
					checkedAt: now,
					updatedAt: now
				};
			})
		);
		return added.length;
	});
}
