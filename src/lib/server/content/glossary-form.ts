import { z } from 'zod';

// The glossary editor's forms in /beheer. A term is the word as content marks it between
// [[ and ]]: letters, digits, spaces, hyphens and apostrophes, starting with a letter. An
// explanation is one or two short plain sentences (no Markdown, no marks), ending with a full
// stop, question or exclamation mark in any of our scripts.

/** A control character (a tab or line break is fine in an explanation, nothing else). */
const hasControl = (s: string) =>
	[...s].some((c) => {
		const code = c.codePointAt(0)!;
		return (code < 32 && c !== '\t' && c !== '\n' && c !== '\r') || code === 127;
	});
const plain = (min: number, max: number) =>
	z
		.string('errors.required')
		.trim()
		.min(min)
		.max(max)
		.refine((s) => !hasControl(s) && !/[[\]<>]/.test(s), 'admin.glossary.errors.plainOnly');

export const termSchema = z
	.string('errors.required')
	.trim()
	.min(2)
	.max(60)
	.regex(/^\p{L}[\p{L}\p{N} '’-]*$/u, 'admin.glossary.errors.termInvalid');

export const entrySchema = z.object({
	term: termSchema,
	label: plain(2, 120),
	explanation: plain(10, 400).refine((s) => /[.!?؟።।]$/u.test(s), 'admin.glossary.errors.sentence'),
	baseUpdatedAt: z.string().max(40).optional()
});

export const entryTargetSchema = z.object({ term: termSchema });
