import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { listWithUniqueCodes } from './unique-codes';
import { contentDir, headingsFor, INSTRUMENT_HEADINGS, translatedLanguages } from './content-files';
import type { Language } from '../../i18n/languages';
import type { Db } from '../db/open';
import { instrument, instrumentText, SEGMENTS } from '../db/schema';

export { INSTRUMENT_HEADINGS };

/** Splits a body into its level-2 sections; text before the first heading is kept under ''. */
export function bodySections(body: string): { heading: string; text: string }[] {
	const sections: { heading: string; text: string }[] = [];
	let current = { heading: '', text: '' };
	for (const line of body.split('\n')) {
		const m = /^## (.+)$/.exec(line);
		if (m) {
			if (current.heading || current.text.trim()) sections.push(current);
			current = { heading: m[1]!.trim(), text: '' };
		} else {
			current.text += `${line}\n`;
		}
	}
	if (current.heading || current.text.trim()) sections.push(current);
	return sections.map((s) => ({ heading: s.heading, text: s.text.trim() }));
}

function sentenceCount(text: string): number {
	return text.split(/[.!?](?:\s+|$)/).filter((s) => s.trim()).length;
}

/** A body with exactly the given headings, each section one to three sentences. */
const bodySchemaFor = (headings: readonly string[]) =>
	z
		.string()
		.min(1)
		.superRefine((body, ctx) => {
			const sections = bodySections(body);
			const found = sections.map((s) => s.heading);
			if (found.join('|') !== headings.join('|')) {
				ctx.addIssue({
					code: 'custom',
					message: `headings must be exactly "## ${headings.join('", "## ')}" (found: ${found.join(', ') || 'none'})`
				});
				return;
			}
			for (const s of sections) {
				const n = sentenceCount(s.text);
				if (n < 1 || n > 3) {
					ctx.addIssue({
						code: 'custom',
						message: `"${s.heading}" has ${n} sentences; use 1 to 3`
					});
				}
				if (/^#|\n#/.test(s.text)) {
					ctx.addIssue({ code: 'custom', message: `"${s.heading}" contains another heading` });
				}
			}
		});

const textSchemaFor = (headings: readonly string[]) =>
	z.object({
		name: z.string().trim().min(2).max(80),
		summary: z
			.string()
			.trim()
			.min(10)
			.max(200)
			.refine((s) => sentenceCount(s) === 1, 'summary must be one sentence'),
		body: bodySchemaFor(headings)
	});

const textSchema = textSchemaFor(INSTRUMENT_HEADINGS);
export type InstrumentTextContent = z.infer<typeof textSchema>;

const age = z.number().int().min(15).max(67).nullable();

export const instrumentEntrySchema = z
	.object({
		code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'code must be kebab-case'),
		segments: z
			.array(z.enum(SEGMENTS))
			.min(1)
			.refine((s) => new Set(s).size === s.length, 'segments must not repeat'),
		minAge: age,
		maxAge: age,
		forStatushouders: z.boolean(),
		// nl is the source language; other languages may be added later as concept texts.
		texts: z.object({ nl: textSchema }).catchall(textSchema)
	})
	.refine((i) => i.minAge === null || i.maxAge === null || i.minAge <= i.maxAge, {
		message: 'minAge must not be above maxAge'
	});

export const instrumentCatalogueSchema = listWithUniqueCodes(instrumentEntrySchema);

export type InstrumentEntry = z.infer<typeof instrumentEntrySchema>;

/** Validates catalogue data; throws one readable error listing every problem. */
export function parseInstrumentCatalogue(
	data: unknown,
	source = 'instruments.json'
): InstrumentEntry[] {
	const result = instrumentCatalogueSchema.safeParse(data);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
		throw new Error(`${source} is invalid:\n${lines.join('\n')}`);
	}
	return result.data;
}

/** Throws one readable error listing every problem of a parse, naming the file. */
function parsed<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
	const result = schema.safeParse(data);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
		throw new Error(`${source} is invalid:\n${lines.join('\n')}`);
	}
	return result.data;
}

/**
 * Reads content/instruments.json (Dutch texts inline) and adds the translations kept in
 * content/instruments.<lang>.json, each checked against its language's headings. A code a
 * translation lacks is a gap shown in /beheer; a code the catalogue lacks is an error.
 */
export function loadInstrumentCatalogue(dir = contentDir()): InstrumentEntry[] {
	const file = path.join(dir, 'instruments.json');
	const entries = parseInstrumentCatalogue(JSON.parse(readFileSync(file, 'utf8')), file);
	const codes = entries.map((e) => e.code);
	for (const lang of translatedLanguages(dir)) {
		const translated = path.join(dir, `instruments.${lang}.json`);
		if (!existsSync(translated)) continue;
		const schema = z.partialRecord(
			z.enum(codes as [string, ...string[]]),
			textSchemaFor(headingsFor(lang, dir).instrument)
		);
		const texts = parsed(schema, JSON.parse(readFileSync(translated, 'utf8')), translated);
		for (const e of entries) {
			const text = texts[e.code];
			if (text) e.texts[lang as Language] = text;
		}
	}
	return entries;
}

/**
 * Adds catalogue instruments and texts that are missing. Existing rows are left alone, so
 * edits made in /beheer survive a restart. Returns how many instruments were new.
 */
export async function seedInstruments(
	db: Db,
	entries: InstrumentEntry[] = loadInstrumentCatalogue(),
	now = new Date()
): Promise<number> {
	const inserted = await db
		.insert(instrument)
		.values(
			entries.map((e) => ({
				code: e.code,
				segments: e.segments,
				minAge: e.minAge,
				maxAge: e.maxAge,
				forStatushouders: e.forStatushouders
			}))
		)
		.onConflictDoNothing({ target: instrument.code })
		.returning({ id: instrument.id });
	const rows = await db
		.select({ id: instrument.id, code: instrument.code })
		.from(instrument)
		.where(
			inArray(
				instrument.code,
				entries.map((e) => e.code)
			)
		);
	const ids = new Map(rows.map((r) => [r.code, r.id]));
	const texts = entries.flatMap((e) =>
		Object.entries(e.texts).map(([language, t]) => ({
			instrumentId: ids.get(e.code)!,
			language,
			name: t.name,
			summary: t.summary,
			body: t.body,
			// Nobody has checked a text from the repository: concept until a redacteur does.
			status: 'concept' as const,
			checkedAt: null,
			updatedAt: now
		}))
	);
	await db.insert(instrumentText).values(texts).onConflictDoNothing();
	return inserted.length;
}
