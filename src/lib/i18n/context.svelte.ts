import { getContext, setContext } from 'svelte';
import type { Messages } from './index';
import { createTranslate, type Translate, type TranslateOptions } from './translate';
import { directionOf, intlLocale, type Language } from './languages';

const KEY = Symbol('i18n');

/** The page's language and translate function, shared through Svelte context (safe in SSR). */
export class Translator {
	lang = $state<Language>('nl');
	#translate = $state.raw<Translate>() as Translate;

	constructor(lang: Language, messages: Messages) {
		this.set(lang, messages);
	}

	set(lang: Language, messages: Messages) {
		this.lang = lang;
		this.#translate = createTranslate(lang, messages);
	}

	get dir() {
		return directionOf(this.lang);
	}

	t = (key: string, options?: TranslateOptions): string => this.#translate(key, options);

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
