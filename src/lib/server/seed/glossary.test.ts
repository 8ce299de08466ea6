import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadGlossary } from './glossary';
import { termsIn } from '../../content/glossary-terms';
import { LANGUAGE_CODES } from '../../i18n/languages';

// Every word the content marks as [[term]] has an explanation in the text's own language, and
// every language explains every Dutch term (issue 17: the terms the issue lists, and more).

const dir = path.resolve('content');
const glossary = loadGlossary(dir);

/** Every content text with its language: topics, dated versions and instrument bodies. */
function contentTexts(): { name: string; language: string; text: string }[] {
	const texts: { name: string; language: string; text: string }[] = [];
	const md = (folder: string) =>
		readdirSync(folder)
			.filter((f) => f.endsWith('.md'))
			.map((f) => ({
				name: path.join(folder, f),
				language: f.split('.').at(-2)!,
				text: readFileSync(path.join(folder, f), 'utf8')
			}));
	texts.push(...md(path.join(dir, 'topics')));
	for (const date of readdirSync(path.join(dir, 'versions')))
		texts.push(...md(path.join(dir, 'versions', date)));
	const nl = JSON.parse(readFileSync(path.join(dir, 'instruments.json'), 'utf8')) as {
		code: string;
		texts: { nl: { body: string } };
	}[];
	for (const e of nl)
		texts.push({ name: `instrument ${e.code}`, language: 'nl', text: e.texts.nl.body });
	for (const f of readdirSync(dir).filter((f) => /^instruments\.[a-z]+\.json$/.test(f))) {
		const language = f.split('.')[1]!;
		const entries = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<
			string,
			{ body: string }
		>;
		for (const [code, t] of Object.entries(entries))
			texts.push({ name: `${f} ${code}`, language, text: t.body });
	}
	return texts;
}

describe('glossary', () => {
	const dutch = Object.keys(glossary.nl ?? {});

	it('explains every term the issue lists, in Dutch', () => {
		for (const term of [
			'UWV',
			'DigiD',
			'Dienst Toeslagen',
			'doelgroepregister',
			'werkervaringsovereenkomst',
			'statushouder',
			'Autoriteit Persoonsgegevens',
			'Leerwerkloket',
			'wijkteam',
			'ombudsman',
			'schuldregeling'
		])
			expect(dutch).toContain(term);
	});

	it.each(LANGUAGE_CODES)('has every Dutch term in %s', (language) => {
		expect(Object.keys(glossary[language] ?? {}).sort()).toEqual([...dutch].sort());
	});

	it('has an entry for every term a text marks, in the language of that text', () => {
		const missing = contentTexts().flatMap(({ name, language, text }) =>
			termsIn(text)
				.filter((term) => !glossary[language as keyof typeof glossary]?.[term])
				.map((term) => `${name}: [[${term}]]`)
		);
		expect(missing).toEqual([]);
	});

	it('marks the listed terms somewhere in the Dutch content', () => {
		const used = new Set(
			contentTexts()
				.filter((t) => t.language === 'nl')
				.flatMap((t) => termsIn(t.text))
		);
		for (const term of ['UWV', 'DigiD', 'Dienst Toeslagen', 'wijkteam', 'ombudsman'])
			expect(used).toContain(term);
	});
});
