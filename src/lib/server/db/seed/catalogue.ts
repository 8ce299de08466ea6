import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { listWithUniqueCodes } from './unique-codes';
import type { Db } from '../open';
import { instrument, instrumentText, SEGMENTS } from '../schema';

/** The five headings every instrument text has, in this order (DOMAIN.md "Instruments"). */
export const INSTRUMENT_HEADINGS = [
	'Voor wie',
	'Wat krijg je',
	'Wat verwachten we van jou',
	'Hoe lang',
	'Wie helpt je'
] as const;

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

const bodySchema = z
	.string()
	.min(1)
	.superRefine((body, ctx) => {
		const sections = bodySections(body);
		const headings = sections.map((s) => s.heading);
		if (headings.join('|') !== INSTRUMENT_HEADINGS.join('|')) {
			ctx.addIssue({
				code: 'custom',
				message: `headings must be exactly "## ${INSTRUMENT_HEADINGS.join('", "## ')}" (found: ${headings.join(', ') || 'none'})`
			});
			return;
		}
		for (const s of sections) {
			const n = sentenceCount(s.text);
			if (n < 1 || n > 3) {
				ctx.addIssue({ code: 'custom', message: `"${s.heading}" has ${n} sentences; use 1 to 3` });
			}
			if (/^#|\n#/.test(s.text)) {
				ctx.addIssue({ code: 'custom', message: `"${s.heading}" contains another heading` });
			}
		}
	});

const textSchema = z.object({
	name: z.string().trim().min(2).max(80),
	summary: z
		.string()
		.trim()
		.min(10)
		.max(200)
		.refine((s) => sentenceCount(s) === 1, 'summary must be one sentence'),
	body: bodySchema
});

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

function catalogueFile(): string {
	// content/ sits at the project root; the second candidate covers a different working directory.
	const candidates = [
		path.resolve('content/instruments.json'),
		path.resolve(
			path.dirname(fileURLToPath(import.meta.url)),
			'../../../../../content/instruments.json'
		)
	];
	const found = candidates.find((c) => existsSync(c));
	if (!found)
		throw new Error(`content/instruments.json not found (looked in ${candidates.join(', ')})`);
	return found;
}

export function loadInstrumentCatalogue(file = catalogueFile()): InstrumentEntry[] {
	return parseInstrumentCatalogue(JSON.parse(readFileSync(file, 'utf8')), file);
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
			status: language === 'nl' ? ('checked' as const) : ('concept' as const),
			checkedAt: language === 'nl' ? now : null,
			updatedAt: now
		}))
	);
	await db.insert(instrumentText).values(texts).onConflictDoNothing();
	return inserted.length;
}
