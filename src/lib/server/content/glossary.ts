import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { glossaryEntry, type TextStatus } from '../db/schema';
import { termsIn } from '../../content/glossary-terms';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

// Words explained where they appear (issue 17): per language a short B1 explanation of a term
// that content marks as [[term]]. A missing translation falls back to the Dutch entry, marked.

export interface GlossaryItem {
	term: string;
	label: string;
	explanation: string;
	/** The Dutch entry stands in for a missing translation. */
	fallback: boolean;
}

/** The explanations of `terms` for a reader of `language`, in the order given. */
export async function explain(
	db: Db,
	language: string,
	terms: readonly string[]
): Promise<GlossaryItem[]> {
	if (!terms.length) return [];
	const rows = await db
		.select()
		.from(glossaryEntry)
		.where(
			and(
				inArray(glossaryEntry.term, [...terms]),
				inArray(glossaryEntry.language, [language, SOURCE_LANGUAGE]),
				isNull(glossaryEntry.removedAt)
			)
		);
	return terms.flatMap((term) => {
		const own = rows.find((r) => r.term === term && r.language === language);
		const row = own ?? rows.find((r) => r.term === term);
		return row ? [{ term, label: row.label, explanation: row.explanation, fallback: !own }] : [];
	});
}

/** Terms a text marks that have no entry in its language: an editor must add one first. */
export async function unknownTerms(db: Db, language: string, text: string): Promise<string[]> {
	const terms = termsIn(text);
	if (!terms.length) return [];
	const known = await db
		.select({ term: glossaryEntry.term })
		.from(glossaryEntry)
		.where(
			and(
				eq(glossaryEntry.language, language),
				inArray(glossaryEntry.term, terms),
				isNull(glossaryEntry.removedAt)
			)
		);
	const have = new Set(known.map((k) => k.term));
	return terms.filter((t) => !have.has(t));
}

export interface GlossaryRow {
	language: string;
	term: string;
	label: string;
	explanation: string;
	status: TextStatus;
}

/** Every entry, for /beheer, by language and term. */
export async function listGlossary(db: Db): Promise<GlossaryRow[]> {
	return db
		.select({
			language: glossaryEntry.language,
			term: glossaryEntry.term,
			label: glossaryEntry.label,
			explanation: glossaryEntry.explanation,
			status: glossaryEntry.status
		})
		.from(glossaryEntry)
		.where(isNull(glossaryEntry.removedAt))
		.orderBy(asc(glossaryEntry.language), asc(glossaryEntry.term));
}

/** Per language: entries, of which concept, and the Dutch terms it still lacks. */
export function glossaryCounts(rows: GlossaryRow[], languages: readonly string[]) {
	const dutch = rows.filter((r) => r.language === SOURCE_LANGUAGE).map((r) => r.term);
	return languages.map((language) => {
		const own = rows.filter((r) => r.language === language);
		const terms = new Set(own.map((r) => r.term));
		return {
			language,
			total: own.length,
			concept: own.filter((r) => r.status === 'concept').length,
			missing: dutch.filter((t) => !terms.has(t))
		};
	});
}
