import { getContext, setContext } from 'svelte';
import type { Messages } from './index';
import { createTranslate, type Translate, type TranslateOptions } from './translate';
import { directionOf, type Language } from './languages';
import { formatDate, formatNumber, type DateLocale, type DateStyle } from '../date-format';

/** The context key of the Translator (exported for tests that render a page on its own). */
export const I18N_CONTEXT = Symbol('i18n');
const KEY = I18N_CONTEXT;

/** The page's language and translate function, shared through Svelte context (safe in SSR). */
export class Translator {
	lang = $state<Language>('nl');
	/** The strings in use: the shell and the page's own bundle, so they change with the route. */
	messages: Messages = {};
	#translate = $state.raw<Translate>() as Translate;
	#date = $state.raw<DateLocale>() as DateLocale;

	/**
	 * `date` is the language's date names and patterns (DATE_LOCALES[lang] of $lib/date-locales
	 * on the server; in the browser it comes with the strings, see $lib/i18n/load).
	 */
	constructor(lang: Language, messages: Messages, date: DateLocale) {
		this.set(lang, messages, date);
	}

	set(lang: Language, messages: Messages, date: DateLocale) {
		this.lang = lang;
		this.messages = messages;
		this.#translate = createTranslate(lang, messages);
		this.#date = date;
	}

	get dir() {
		return directionOf(this.lang);
	}

	t = (key: string, options?: TranslateOptions): string => this.#translate(key, options);

	/**
	 * A date or time in Amsterdam, in the page's language (as showDate in $lib/dates): the
	 * same text on the server and in every browser, whose Intl may lack this language.
	 */
	date = (value: Date | string, style: DateStyle = 'long') => formatDate(this.#date, value, style);

	/** A number with the language's separators, the same on the server and in the browser. */
	number = (value: number, fractionDigits = 0) => formatNumber(this.#date, value, fractionDigits);
}

export function setTranslator(translator: Translator) {
	setContext(KEY, translator);
}

export function useI18n(): Translator {
	return getContext<Translator>(KEY);
}
