import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/open';
import { glossaryEntry } from '../db/schema';
import { contentDir } from './content-files';
import { LANGUAGE_CODES, type Language } from '../../i18n/languages';

// content/glossary/<lang>.json: { "<Dutch term>": { "label": "…", "explanation": "…" } }.
// The key is the term as content marks it ([[UWV]]), the same in every language.

const entrySchema = z
	.object({
		label: z.string().trim().min(1).max(80),
		explanation: z.string().trim().min(10).max(400)
	})
	.strict();
export const glossaryFileSchema = z.record(z.string().trim().min(2).max(60), entrySchema);
export type GlossaryFile = z.infer<typeof glossaryFileSchema>;

/** Every language's glossary file that exists, validated; throws naming the file. */
export function loadGlossary(dir = contentDir()): Partial<Record<Language, GlossaryFile>> {
	const out: Partial<Record<Language, GlossaryFile>> = {};
	for (const lang of LANGUAGE_CODES) {
		const file = path.join(dir, 'glossary', `${lang}.json`);
		if (!existsSync(file)) continue;
		const result = glossaryFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		if (!result.success) {
			const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
			throw new Error(`${file} is invalid:\n${lines.join('\n')}`);
		}
		out[lang] = result.data;
	}
	return out;
}

/**
 * Adds every entry the database does not have yet, as concept (no one has checked it);
 * entries edited since are left alone. Returns how many were added.
 */
export async function seedGlossary(db: Db, glossary = loadGlossary()): Promise<number> {
	const rows = Object.entries(glossary).flatMap(([language, entries]) =>
		Object.entries(entries).map(([term, e]) => ({
			language,
			term,
			label: e.label,
			explanation: e.explanation,
			status: 'concept' as const
		}))
	);
	if (!rows.length) return 0;
	const added = await db
		.insert(glossaryEntry)
		.values(rows)
		.onConflictDoNothing()
		.returning({ term: glossaryEntry.term });
	return added.length;
}
