declare module 'virtual:wegwijs-messages' {
	import type { Messages } from '$lib/i18n/index';
	import type { Language } from '$lib/i18n/languages';
	import type { DateLocale } from '$lib/date-format';
	/** One immutable file: a string bundle; the shell's also has the date names and patterns. */
	type StringsFile = { default: Messages; date?: DateLocale };
	/** Per language, its bundles in the order of BUNDLES ($lib/i18n/bundles), each loaded when needed. */
	export const loaders: Partial<
		Record<Language, () => Promise<{ bundles: (() => Promise<StringsFile>)[] }>>
	>;
	/** Each route of ROUTE_STRINGS and the index in BUNDLES of its bundle. */
	export const routes: Record<string, number>;
}
