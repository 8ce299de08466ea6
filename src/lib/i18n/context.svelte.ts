import { getContext, setContext } from 'svelte';
import type { Messages } from './index';
import { createTranslate, type Translate, type TranslateOptions } from './translate';
import { directionOf, intlLocale, type Language } from './languages';

const KEY = Symbol('i18n');
const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'long' };

/**
 * Making an Intl.DateTimeFormat costs far more than formatting with one (under load it was the
 * largest single item in the profile of Home and the caseload, bench/profile.ts): one per
 * language and set of options, kept for the life of the process or page. The options used
 * are a handful of literals in the pages, so the map stays small.
 */
// A cache, not state: nothing reactive reads it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const formats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions) {
	const key = `${lang} ${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(lang), {
			timeZone: 'Europe/Amsterdam',
			...options
		});
		formats.set(key, format);
	}
	return format;
}

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

	date = (value: Date | string, options: Intl.DateTimeFormatOptions = LONG_DATE) =>
		// A throw-away Date only to format; nothing reactive reads it.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		dateFormat(this.lang, options).format(typeof value === 'string' ? new Date(value) : value);
}

export function setTranslator(translator: Translator) {
	setContext(KEY, translator);
}

export function useI18n(): Translator {
	return getContext<Translator>(KEY);
}
