import type { Language } from './languages';
import type { Messages } from './index';
import nl from '../../../messages/nl.json';
import en from '../../../messages/en.json';
import ar from '../../../messages/ar.json';

/** UI strings per language. Languages without a file yet are not offered. */
export const MESSAGES: Partial<Record<Language, Messages>> = { nl, en, ar };

export function messagesFor(lang: Language): Messages {
	return MESSAGES[lang] ?? nl;
}

export const LANGUAGES_WITH_MESSAGES = Object.keys(MESSAGES) as Language[];

/** Texts only staff screens use; a client's phone need not download them with every page. */
const STAFF_ONLY = new Set(['km', 'admin', 'report']);

/** The UI strings a page sends to the browser: staff namespaces only to staff. */
export function messagesForPage(lang: Language, roles: readonly string[]): Messages {
	const all = messagesFor(lang);
	if (roles.some((r) => r !== 'client')) return all;
	return Object.fromEntries(Object.entries(all).filter(([ns]) => !STAFF_ONLY.has(ns)));
}
