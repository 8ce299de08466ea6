import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { intlLocale, isLanguage } from './languages';
import { createI18n, type Messages } from './index';

const dir = 'messages';
const load = (file: string): Messages => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const flatten = (o: Messages, prefix = ''): [string, string][] =>
	Object.entries(o).flatMap(([k, v]) =>
		typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)
	);
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const nl = new Map(flatten(load('nl.json')));
const bases = new Set([...nl.keys()].map((k) => k.replace(PLURAL, '')));
const pluralBases = new Set(
	[...nl.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''))
);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'nl.json');

describe.each(files)('messages/%s', (file) => {
	const lang = file.replace('.json', '');
	const messages = load(file);
	const entries = new Map(flatten(messages));
	const categories = isLanguage(lang)
		? new Intl.PluralRules(intlLocale(lang)).resolvedOptions().pluralCategories
		: [];

	it('is a language Wegwijs knows', () => expect(isLanguage(lang)).toBe(true));

	it('has every key that nl.json has, and no others', () => {
		const have = new Set([...entries.keys()].map((k) => k.replace(PLURAL, '')));
		expect([...bases].filter((k) => !have.has(k))).toEqual([]);
		expect([...have].filter((k) => !bases.has(k))).toEqual([]);
	});

	it('has every plural form its language needs', () => {
		const missing = [...pluralBases].flatMap((base) =>
			categories.filter((c) => !entries.has(`${base}_${c}`)).map((c) => `${base}_${c}`)
		);
		expect(missing).toEqual([]);
	});

	it('keeps the placeholders of the Dutch text', () => {
		const wrong = [...entries].filter(([key, text]) => {
			const source = nl.get(key) ?? nl.get(key.replace(PLURAL, '_other')) ?? '';
			const expected = placeholders(source).filter((p) => p !== 'count');
			return (
				placeholders(text)
					.filter((p) => p !== 'count')
					.join() !== expected.join()
			);
		});
		expect(wrong.map(([k]) => k)).toEqual([]);
	});

	it('shows no bare key for any plural count', () => {
		if (!isLanguage(lang)) return;
		const t = createI18n(lang, messages).t;
		for (const base of pluralBases) {
			for (const count of [0, 1, 2, 3, 11, 100]) {
				expect(t(base, { count, done: 1, total: count })).not.toBe(base);
			}
		}
	});
});
