import { isLanguage, type Language } from '$lib/i18n/languages';
import { negotiateLanguage } from '$lib/i18n/negotiate';

/**
 * The offline page is prerendered once, so its HTML cannot know the person's language. The
 * browser picks it instead, from what online pages left behind.
 */

/** Same name as LANGUAGE_COOKIE in $lib/server/language (not importable in the browser). */
export const LANGUAGE_COOKIE = 'wegwijs_lang';
/** localStorage key: the language of the last page served online (includes the profile). */
export const LAST_LANGUAGE_KEY = 'wegwijs_lang';

/**
 * Remembers the language of an online page, so the offline page can speak it later. The
 * cookie alone is not enough: a signed-in person's language lives in their profile.
 */
export function rememberLanguage(lang: string): void {
	try {
		if (isLanguage(lang)) localStorage.setItem(LAST_LANGUAGE_KEY, lang);
	} catch {
		// Private mode or storage full: the cookie and browser languages still help.
	}
}

export function readCookie(cookieHeader: string, name: string): string | null {
	for (const part of cookieHeader.split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return null;
}

/** Last online page's language, then the language cookie, then the browser's languages. */
export function pickOfflineLanguage(input: {
	stored: string | null;
	cookie: string | null;
	browserLanguages: readonly string[];
	available: readonly Language[];
}): Language {
	return negotiateLanguage({
		userPreference: input.stored,
		cookie: input.cookie,
		acceptLanguage: input.browserLanguages.join(','),
		enabled: input.available
	});
}

/** The same, read from this browser. */
export function offlineLanguageInBrowser(available: readonly Language[]): Language {
	let stored: string | null = null;
	try {
		stored = localStorage.getItem(LAST_LANGUAGE_KEY);
	} catch {
		stored = null;
	}
	return pickOfflineLanguage({
		stored,
		cookie: readCookie(document.cookie, LANGUAGE_COOKIE),
		browserLanguages: navigator.languages ?? [navigator.language],
		available
	});
}
