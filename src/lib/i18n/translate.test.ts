import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createI18n, type Messages } from './index';
import { createTranslate, type TranslateOptions } from './translate';
import type { Language } from './languages';

// The pages translate with createTranslate, the server with i18next: a client must read the
// same sentence in both, for every key, plural form and placeholder of every language.
const load = (file: string): Messages => JSON.parse(readFileSync(`messages/${file}`, 'utf8'));
const flatten = (o: Messages, prefix = ''): [string, string][] =>
	Object.entries(o).flatMap(([k, v]) =>
		typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)
	);
const PLURAL = /_(zero|one|two|few|many|other)$/;
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 21, 100, 102, 1.5];

describe.each(readdirSync('messages').filter((f) => f.endsWith('.json')))('%s', (file) => {
	const lang = file.replace('.json', '') as Language;
	const messages = load(file);
	const i18next = createI18n(lang, messages);
	const translate = createTranslate(lang, messages);
	const entries = flatten(messages);

	it('gives the same text as i18next for every key, count and placeholder', () => {
		const differences: string[] = [];
		for (const key of new Set(entries.map(([k]) => k.replace(PLURAL, '')))) {
			const texts = entries.filter(([k]) => k === key || k.replace(PLURAL, '') === key);
			const names = new Set(
				texts.flatMap(([, s]) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!))
			);
			const values = Object.fromEntries([...names].map((n) => [n, `‹${n}›`]));
			const isPlural = texts.some(([k]) => PLURAL.test(k));
			const cases: TranslateOptions[] = isPlural
				? COUNTS.map((count) => ({ ...values, count }))
				: [values, {}];
			for (const options of cases) {
				const expected = i18next.t(key, options) as string;
				const actual = translate(key, options);
				if (actual !== expected) differences.push(`${key} ${JSON.stringify(options)}: ${actual}`);
			}
		}
		expect(differences).toEqual([]);
	});

	it('answers a missing key as i18next does: the default text, else the key', () => {
		for (const options of [undefined, { defaultValue: 'Standaard {{x}}', x: 1 }, { count: 2 }]) {
			expect(translate('nope.missing', options)).toBe(i18next.t('nope.missing', options));
		}
		// A section is not a sentence: i18next warns and answers text, never an object.
		expect(typeof translate('app')).toBe('string');
	});
});
