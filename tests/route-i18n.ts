import { messagesForRoute } from '$lib/i18n/messages.server';
import { I18N_CONTEXT, Translator } from '$lib/i18n/context.svelte';
import { DATE_LOCALES } from '$lib/date-locales';
import type { Language } from '$lib/i18n/languages';

/**
 * The context a component rendered with `svelte/server` needs to speak: a translator with the
 * strings of `routeId`'s bundle in `lang`, as the root layout provides it in the app.
 */
export function i18nContext(routeId: string, lang: Language = 'nl'): Map<symbol, Translator> {
	return new Map([
		[I18N_CONTEXT, new Translator(lang, messagesForRoute(lang, routeId), DATE_LOCALES[lang])]
	]);
}
