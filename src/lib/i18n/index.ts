import i18next, { type i18n } from 'i18next';
import type { Language } from './languages';

export type Messages = { [key: string]: string | Messages };

/**
 * A fresh i18next instance for one language. On the server every request gets its own:
 * a shared global instance would mix languages between concurrent requests.
 */
export function createI18n(lang: Language, messages: Messages, fallback?: Messages): i18n {
	const instance = i18next.createInstance();
	void instance.init({
		lng: lang,
		fallbackLng: fallback ? 'nl' : false,
		resources: {
			[lang]: { translation: messages },
			...(fallback && lang !== 'nl' ? { nl: { translation: fallback } } : {})
		},
		initAsync: false,
		// Svelte escapes every interpolated value itself; no user text ever becomes HTML.
		interpolation: { escapeValue: false },
		returnNull: false
	});
	return instance;
}
