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
