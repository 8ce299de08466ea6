import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { gemeente } from '../db/schema';
import { LANGUAGE_CODES, SOURCE_LANGUAGE, type Language } from '../../i18n/languages';

// A gemeente switches languages on or off (its caseload decides). A client is offered their
// own gemeente's languages; staff every language with UI strings; someone not signed in
// (the login page) the languages any gemeente offers, since their gemeente is not known yet.

const CACHE_MS = 30_000;
let cached: { at: number; languages: Language[] } | undefined;

/** Languages offered by at least one gemeente. Cached briefly: it changes only in /beheer. */
export async function languagesOfAnyGemeente(db: Db, now = Date.now()): Promise<Language[]> {
	if (cached && now - cached.at < CACHE_MS) return cached.languages;
	const rows = await db
		.select({ language: sql<string>`distinct unnest(${gemeente.languages})` })
		.from(gemeente);
	const languages = ordered(rows.map((r) => r.language));
	cached = { at: now, languages };
	return languages;
}

/** After a change in /beheer, the next request reads the gemeenten again. */
export function forgetOfferedLanguages(): void {
	cached = undefined;
}

/** Known languages in the app's fixed order, Dutch always among them. */
export function ordered(codes: readonly string[]): Language[] {
	return LANGUAGE_CODES.filter((c) => c === SOURCE_LANGUAGE || codes.includes(c));
}

/** What the language switch offers: the wanted languages that have UI strings. */
export function offered(wanted: readonly string[], withMessages: readonly Language[]): Language[] {
	return ordered(wanted).filter((c) => withMessages.includes(c));
}

/** The gemeenten with the languages each offers, for /beheer. */
export async function gemeenteLanguages(db: Db) {
	const rows = await db
		.select({ code: gemeente.code, name: gemeente.name, languages: gemeente.languages })
		.from(gemeente)
		.orderBy(gemeente.name);
	return rows.map((r) => ({ ...r, languages: ordered(r.languages) }));
}

/** Switches a gemeente's languages; Dutch stays on. False when the gemeente does not exist. */
export async function setGemeenteLanguages(
	db: Db,
	code: string,
	languages: readonly string[]
): Promise<boolean> {
	const rows = await db
		.update(gemeente)
		.set({ languages: ordered(languages) })
		.where(eq(gemeente.code, code))
		.returning({ id: gemeente.id });
	forgetOfferedLanguages();
	return rows.length > 0;
}
