import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isLanguage, SOURCE_LANGUAGE, type Language } from '../../i18n/languages';

/** The four headings every Dutch rights-and-duties text has, in this order (docs/DOMAIN.md). */
export const TOPIC_HEADINGS = [
	'Wat betekent dit voor jou',
	'Wat moet je doen',
	'Wat gebeurt er als je dit niet doet',
	'Wie kun je vragen'
] as const;

/** The five headings every Dutch instrument text has, in this order (docs/DOMAIN.md "Rights and duties, instruments"). */
export const INSTRUMENT_HEADINGS = [
	'Voor wie',
	'Wat krijg je',
	'Wat verwachten we van jou',
	'Hoe lang',
	'Wie helpt je'
] as const;

export interface ContentHeadings {
	topic: readonly string[];
	instrument: readonly string[];
}

const heading = z.string().trim().min(2).max(80);
const headingsSchema = z
	.object({
		topic: z.array(heading).length(TOPIC_HEADINGS.length),
		instrument: z.array(heading).length(INSTRUMENT_HEADINGS.length)
	})
	.strict();

/** content/ at the project root, found from the working directory or from this file. */
export function contentDir(): string {
	const candidates = [
		path.resolve('content'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../content')
	];
	const found = candidates.find((c) => existsSync(path.join(c, 'topics.json')));
	if (!found) throw new Error(`content/ not found (looked in ${candidates.join(', ')})`);
	return found;
}

/**
 * Languages with translated content: each has `content/headings.<lang>.json`, the section
 * headings its translators used, so every text of that language can be checked against them.
 */
export function translatedLanguages(dir = contentDir()): Language[] {
	return readdirSync(dir)
		.map((f) => /^headings\.([a-z]{2,3})\.json$/.exec(f)?.[1])
		.filter((l): l is Language => isLanguage(l) && l !== SOURCE_LANGUAGE)
		.sort();
}

export function headingsFor(lang: Language, dir = contentDir()): ContentHeadings {
	if (lang === SOURCE_LANGUAGE) return { topic: TOPIC_HEADINGS, instrument: INSTRUMENT_HEADINGS };
	const file = path.join(dir, `headings.${lang}.json`);
	const result = headingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
		throw new Error(`${file} is invalid:\n${lines.join('\n')}`);
	}
	return result.data;
}
