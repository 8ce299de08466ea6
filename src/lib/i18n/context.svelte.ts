import { getContext, setContext } from 'svelte';
import type { i18n, TOptions } from 'i18next';
import { createI18n, type Messages } from './index';
import { directionOf, intlLocale, type Language } from './languages';

const KEY = Symbol('i18n');

/** The page's language and translate function, shared through Svelte context (safe in SSR). */
export class Translator {
	lang = $state<Language>('nl');
	#instance = $state.raw<i18n>() as i18n;

	constructor(lang: Language, messages: Messages) {
		this.set(lang, messages);
	}

	set(lang: Language, messages: Messages) {
		this.lang = lang;
		this.#instance = createI18n(lang, messages);
	}

	get dir() {
		return directionOf(this.lang);
	}

	t = (key: string, options?: TOptions): string => this.#instance.t(key, options) as string;

	date = (value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }) =>
		new Intl.DateTimeFormat(intlLocale(this.lang), {
			timeZone: 'Europe/Amsterdam',
			...options
			// A throw-away Date only to format; nothing reactive reads it.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
		}).format(typeof value === 'string' ? new Date(value) : value);
}

export function setTranslator(translator: Translator) {
	setContext(KEY, translator);
}

export function useI18n(): Translator {
	return getContext<Translator>(KEY);
}
