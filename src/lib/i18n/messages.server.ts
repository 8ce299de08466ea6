import { isLanguage, LANGUAGE_CODES, type Language } from './languages';
import type { TFunction } from 'i18next';
import { createI18n, type Messages } from './index';
import { bundleMessages, bundleOf } from './bundles';

// Every messages/<lang>.json in the build. A language without a file is not offered; the
// test in messages.test.ts makes sure every file has every key of nl.json.
const files = import.meta.glob<Messages>('../../../messages/*.json', {
	eager: true,
	import: 'default'
});

function byLanguage(): Partial<Record<Language, Messages>> {
	const found: Partial<Record<Language, Messages>> = {};
	for (const [file, messages] of Object.entries(files)) {
		const lang = /([a-z]+)\.json$/.exec(file)?.[1];
		if (isLanguage(lang)) found[lang] = messages;
	}
	return found;
}

/** UI strings per language. */
export const MESSAGES = byLanguage();

export function messagesFor(lang: Language): Messages {
	return MESSAGES[lang] ?? MESSAGES.nl!;
}

/** In the app's fixed order. */
export const LANGUAGES_WITH_MESSAGES = LANGUAGE_CODES.filter((l) => MESSAGES[l]);

const forRoutes = new Map<string, Messages>();

/**
 * The UI strings a route's page shows, as the browser gets them ($lib/i18n/load): the shell
 * and the route's bundle. For server code and tests that render a page on their own.
 */
export function messagesForRoute(lang: Language, routeId: string | null): Messages {
	const bundle = bundleOf(routeId);
	const key = `${lang}:${bundle}`;
	let found = forRoutes.get(key);
	if (!found) {
		const all = messagesFor(lang);
		found = { ...bundleMessages('shell', all), ...bundleMessages(bundle, all) };
		forRoutes.set(key, found);
	}
	return found;
}

const translators = new Map<Language, TFunction>();

/**
 * The server's translate function for a language (Dutch where a text is missing). Made once
 * per language, not per request: making an i18next instance costs about 1 ms, and these
 * instances never change language (no changeLanguage), so requests cannot mix languages.
 */
export function translatorFor(lang: Language): TFunction {
	let t = translators.get(lang);
	if (!t) {
		t = createI18n(lang, messagesFor(lang), MESSAGES.nl).t;
		translators.set(lang, t);
	}
	return t;
}
