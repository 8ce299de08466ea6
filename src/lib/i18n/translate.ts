import type { Messages } from './index';

/** What the pages pass to t(): placeholder values, `count` for plurals, a default text. */
export type TranslateOptions = Record<string, unknown> & { count?: number; defaultValue?: string };
export type Translate = (key: string, options?: TranslateOptions) => string;

const PLACEHOLDER = /{{\s*([^{}\s]+)\s*}}/g;

/**
 * The pages' translate function: the part of i18next that Wegwijs's texts use (nested keys,
 * `{{name}}` placeholders, plural forms `_zero`/`_one`/…/`_other` by Intl.PluralRules, a
 * default text), in well under 1 KB instead of i18next's 16 KB gzip on every first load.
 * The server keeps i18next itself (hooks, notifications, letters); translate.test.ts checks
 * that both give the same text for every key of every language.
 */
export function createTranslate(lang: string, messages: Messages): Translate {
	const plural = (count: number) => pluralRules(lang).select(count);
	return (key, options) => {
		const count = options?.count;
		let text: string | undefined;
		if (typeof count === 'number') {
			text =
				(count === 0 ? lookup(messages, `${key}_zero`) : undefined) ??
				lookup(messages, `${key}_${plural(count)}`);
		}
		text ??= lookup(messages, key) ?? options?.defaultValue;
		if (text === undefined) return key;
		if (!options) return text;
		return text.replace(PLACEHOLDER, (whole, name: string) => {
			const value = options[name];
			// As i18next: a placeholder without a value stays visible, so the gap is noticed.
			return value === undefined ? whole : value === null ? '' : String(value);
		});
	};
}

function lookup(messages: Messages, key: string): string | undefined {
	let node: string | Messages | undefined = messages;
	for (const part of key.split('.')) {
		if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
		node = node[part];
	}
	return typeof node === 'string' ? node : undefined;
}

// One per language for the life of the process or page: a page makes a translate function per
// request on the server, and making Intl.PluralRules showed in the profile under load.
const rulesByLang = new Map<string, Intl.PluralRules>();

function pluralRules(lang: string): Intl.PluralRules {
	let rules = rulesByLang.get(lang);
	if (!rules) {
		try {
			rules = new Intl.PluralRules(lang);
		} catch {
			rules = new Intl.PluralRules('en');
		}
		rulesByLang.set(lang, rules);
	}
	return rules;
}
