import { z } from 'zod';
import { unsupportedMarkdown } from '../seed/topics';
import type { ContentKind } from './content-admin';

/** The form in /beheer that edits one text; the same Markdown subset the renderer supports. */
export function contentEditSchema(kind: ContentKind) {
	return z.object({
		title: z.string().trim().min(2).max(80),
		summary: kind === 'instrument' ? z.string().trim().min(10).max(200) : z.undefined().optional(),
		body: z
			.string()
			.trim()
			.min(1)
			.max(20_000)
			.refine((b) => unsupportedMarkdown(b).length === 0, 'errors.markdown'),
		published: z
			.literal('on')
			.optional()
			.transform((v) => v === 'on'),
		legalBasis: kind === 'topic' ? z.string().trim().min(3).max(200) : z.undefined().optional(),
		baseUpdatedAt: z.string().max(40).optional()
	});
}

/** A dated version of a topic text: the same fields, and the day it takes effect. */
export const versionSchema = z.object({
	title: z.string().trim().min(2).max(80),
	body: z
		.string()
		.trim()
		.min(1)
		.max(20_000)
		.refine((b) => unsupportedMarkdown(b).length === 0, 'errors.markdown'),
	legalBasis: z.string().trim().min(3).max(200).optional(),
	validFrom: z.iso.date('errors.date')
});
