import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/open';
import { topic, topicText } from '../db/schema';
import {
	loadTopicContent,
	parseTopicList,
	parseTopicMarkdown,
	readability,
	seedTopics,
	topicSections,
	topicSentences,
	TOPIC_HEADINGS,
	wordCount
} from './topics';
import { translatedLanguages } from './content-files';

const topics = loadTopicContent();
const pictogramDir = path.resolve('static', 'pictograms');

describe('topic content', () => {
	it('has about fourteen topics of every kind, in a fixed order', () => {
		expect(topics.length).toBeGreaterThanOrEqual(12);
		expect(new Set(topics.map((t) => t.kind))).toEqual(new Set(['duty', 'right', 'consequence']));
	});

	describe.each(topics.map((t) => [t.code, t] as const))('%s', (code, t) => {
		it('has a short title and the four sections in order, each with text', () => {
			expect(t.nl.title.length).toBeGreaterThan(2);
			expect(t.nl.title.length).toBeLessThanOrEqual(60);
			const sections = topicSections(t.nl.body);
			expect(sections.map((s) => s.heading)).toEqual([...TOPIC_HEADINGS]);
			for (const s of sections) expect(s.text.length).toBeGreaterThan(0);
		});

		it('has no HTML', () => {
			expect(t.nl.body).not.toMatch(/<[a-z/!]/i);
			expect(t.nl.title).not.toMatch(/<[a-z/!]/i);
		});

		it('reads at B1 level: short sentences', () => {
			const { average, max } = readability(t.nl.body);
			const long = topicSentences(t.nl.body).filter((s) => wordCount(s) > 20);
			expect(long).toEqual([]);
			expect(max).toBeLessThanOrEqual(20);
			expect(average).toBeLessThanOrEqual(12);
		});

		it('uses "je", not "u"', () => {
			expect(`${t.nl.title} ${t.nl.body}`).not.toMatch(/\b(u|uw)\b/i);
		});

		it('has a pictogram: small, safe, in the house style', () => {
			const file = path.join(pictogramDir, t.pictogram);
			expect(existsSync(file), `${file} is missing`).toBe(true);
			expect(t.pictogram).toBe(`${code}.svg`);
		});
	});
});

describe('pictograms', () => {
	const names = [...new Set([...topics.map((t) => t.pictogram), 'instrument.svg'])];

	it.each(names)('%s is a simple, self-contained SVG', (name) => {
		const file = path.join(pictogramDir, name);
		expect(statSync(file).size).toBeLessThan(2048);
		const svg = readFileSync(file, 'utf8');
		expect(svg).toContain('viewBox="0 0 64 64"');
		expect(svg).toContain('stroke="#1d4f91"');
		expect(svg).not.toMatch(/<script|<text|<image|href|url\(|\bon[a-z]+=/i);
		const shapes = svg.match(/<(path|rect|circle|ellipse|line|polyline|polygon)\b/g) ?? [];
		expect(shapes.length).toBeGreaterThanOrEqual(2);
		expect(shapes.length).toBeLessThanOrEqual(4);
		for (const m of svg.matchAll(/fill="([^"]+)"/g)) expect(['none', '#dbe6f4']).toContain(m[1]);
		for (const m of svg.matchAll(/stroke-width="([^"]+)"/g)) {
			expect(Number(m[1])).toBeGreaterThanOrEqual(3);
			expect(Number(m[1])).toBeLessThanOrEqual(4);
		}
	});
});

describe('parseTopicMarkdown', () => {
	const good = TOPIC_HEADINGS.map((h) => `## ${h}\n\nTekst.`).join('\n\n');

	it('splits the title from the body', () => {
		expect(parseTopicMarkdown(`# Titel\n\n${good}\n`, 'x.nl.md')).toEqual({
			title: 'Titel',
			body: good
		});
	});

	it('names the file when a section is missing or out of order', () => {
		const missing = `# Titel\n\n${good.replace('## Wie kun je vragen', '## Anders')}`;
		expect(() => parseTopicMarkdown(missing, 'content/topics/a.nl.md')).toThrow(
			/content\/topics\/a\.nl\.md is invalid[\s\S]*sections must be exactly/
		);
		const swapped = TOPIC_HEADINGS.map((h) => `## ${h}\n\nTekst.`)
			.reverse()
			.join('\n\n');
		expect(() => parseTopicMarkdown(`# Titel\n\n${swapped}`, 'b.nl.md')).toThrow(/b\.nl\.md/);
	});

	it('refuses raw HTML, a missing title and unsupported Markdown', () => {
		expect(() => parseTopicMarkdown(`# Titel\n\n${good}\n\n<b>vet</b>`, 'c.nl.md')).toThrow(
			/c\.nl\.md is invalid[\s\S]*raw HTML/
		);
		expect(() => parseTopicMarkdown(good, 'd.nl.md')).toThrow(/d\.nl\.md[\s\S]*# Title/);
		expect(() => parseTopicMarkdown(`# T\n\n${good}\n\n![x](https://a.nl/x.png)`, 'e')).toThrow(
			/image/
		);
		expect(() => parseTopicMarkdown(`# T\n\n${good}\n\n[x](http://a.nl)`, 'f')).toThrow(/https/);
		expect(() => parseTopicMarkdown(`# T\n\n${good}\n\n### Kop`, 'g')).toThrow(/heading/);
	});
});

describe('parseTopicList', () => {
	it('refuses duplicates and bad fields, naming the source', () => {
		const entry = {
			code: 'a',
			kind: 'duty',
			pictogram: 'a.svg',
			legalBasis: 'Participatiewet art. 17',
			lastCheckedOn: '2026-11-01'
		};
		expect(parseTopicList([entry])).toHaveLength(1);
		expect(() => parseTopicList([entry, entry], 'topics.json')).toThrow(
			/topics\.json[\s\S]*duplicate/
		);
		expect(() => parseTopicList([{ ...entry, kind: 'plicht' }])).toThrow(/kind/);
		expect(() => parseTopicList([{ ...entry, lastCheckedOn: '1-11-2026' }])).toThrow(
			/lastCheckedOn/
		);
	});
});

describe('seedTopics', () => {
	let database: Database;
	beforeAll(async () => {
		database = await openDatabase({ dataDir: 'memory://' });
	});
	afterAll(async () => {
		await database.close();
	});

	it('adds every topic once with its checked Dutch text, and nothing on a second run', async () => {
		const { db } = database;
		expect(await seedTopics(db)).toBe(topics.length);
		expect(await seedTopics(db)).toBe(0);

		const rows = await db
			.select({
				code: topic.code,
				position: topic.position,
				kind: topic.kind,
				language: topicText.language,
				gemeenteId: topicText.gemeenteId,
				title: topicText.title,
				status: topicText.status,
				lastCheckedOn: topicText.lastCheckedOn
			})
			.from(topic)
			.innerJoin(topicText, eq(topicText.topicId, topic.id))
			.where(eq(topicText.language, 'nl'))
			.orderBy(topic.position);
		expect(rows.map((r) => r.code)).toEqual(topics.map((t) => t.code));
		expect(rows.map((r) => r.position)).toEqual(topics.map((_, i) => i + 1));
		for (const [i, r] of rows.entries()) {
			expect(r).toMatchObject({
				kind: topics[i]!.kind,
				language: 'nl',
				gemeenteId: null,
				title: topics[i]!.nl.title,
				// Nobody checked it yet: the client page says so.
				status: 'concept',
				lastCheckedOn: topics[i]!.lastCheckedOn
			});
		}
	});

	it('adds every translation in the repository as a concept for a native speaker', async () => {
		const translations = await database.db
			.select({ language: topicText.language, status: topicText.status })
			.from(topicText)
			.where(ne(topicText.language, 'nl'));
		const expected = topics.reduce((n, t) => n + Object.keys(t.translations).length, 0);
		expect(translations).toHaveLength(expected);
		expect(new Set(translations.map((t) => t.status))).toEqual(new Set(['concept']));
		expect(new Set(translations.map((t) => t.language))).toEqual(new Set(translatedLanguages()));
	});

	it('adds only topics that are new', async () => {
		const extra = { ...topics[0]!, code: 'nieuw-onderwerp' };
		expect(await seedTopics(database.db, [...topics, extra])).toBe(1);
	});
});

describe('translated topics', () => {
	let database: Database;
	let dir: string;
	const headings = ['What it means', 'What you do', 'If you do not', 'Who to ask'];
	const english = `# Exemption\n\n${headings.map((h) => `## ${h}\n\nText.`).join('\n\n')}\n`;

	beforeAll(async () => {
		database = await openDatabase({ dataDir: 'memory://' });
		dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-content-'));
		cpSync(path.resolve('content/topics.json'), path.join(dir, 'topics.json'));
		mkdirSync(path.join(dir, 'topics'));
		for (const t of topics)
			cpSync(
				path.resolve(`content/topics/${t.code}.nl.md`),
				path.join(dir, 'topics', `${t.code}.nl.md`)
			);
	});
	afterAll(async () => {
		await database.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('adds a translation that appears later as a concept, next to the Dutch (also concept)', async () => {
		const { db } = database;
		await seedTopics(db, loadTopicContent(dir));
		writeFileSync(
			path.join(dir, 'headings.en.json'),
			JSON.stringify({ topic: headings, instrument: ['a1', 'b2', 'c3', 'd4', 'e5'] })
		);
		writeFileSync(path.join(dir, 'topics', 'ontheffing.en.md'), english);
		expect(await seedTopics(db, loadTopicContent(dir))).toBe(0);
		const rows = await db
			.select({ language: topicText.language, status: topicText.status, title: topicText.title })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.where(eq(topic.code, 'ontheffing'))
			.orderBy(topicText.language);
		expect(rows).toEqual([
			{ language: 'en', status: 'concept', title: 'Exemption' },
			{ language: 'nl', status: 'concept', title: expect.stringContaining('Ontheffing') }
		]);
	});

	it("refuses a translation whose sections do not follow its language's headings", () => {
		writeFileSync(
			path.join(dir, 'topics', 'taaleis.en.md'),
			english.replace('## Who to ask', '## Questions')
		);
		expect(() => loadTopicContent(dir)).toThrow(/taaleis\.en\.md is invalid[\s\S]*Who to ask/);
	});
});

describe('content translations in the repository', () => {
	it('exist for every language Wegwijs speaks', () => {
		expect(translatedLanguages()).toEqual(['ar', 'en', 'fa', 'prs', 'so', 'ti', 'tr', 'uk']);
	});

	it.each(translatedLanguages())('%s: every topic is translated with the same headings', (lang) => {
		const missing = topics.filter((t) => !t.translations[lang]).map((t) => t.code);
		expect(missing).toEqual([]);
	});
});
