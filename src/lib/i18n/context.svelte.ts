import { getContext, setContext } from 'svelte';
import type { Messages } from './index';
import { createTranslate, type Translate, type TranslateOptions } from './translate';
import { directionOf, type Language } from './languages';
import { showDate } from '../dates';

/** The context key of the Translator (exported for tests that render a page on its own). */
export const I18N_CONTEXT = Symbol('i18n');
const KEY = I18N_CONTEXT;

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

	/** A date or time in Amsterdam, in the page's language (see showDate in $lib/dates). */
	date = (value: Date | string, options?: Intl.DateTimeFormatOptions) =>
		showDate(this.lang, value, options);
}

export function setTranslator(translator: Translator) {
	setContext(KEY, translator);
}

export function useI18n(): Translator {
	return getContext<Translator>(KEY);
}
