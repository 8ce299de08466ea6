declare module 'virtual:wegwijs-messages' {
	import type { Messages } from '$lib/i18n/index';
	import type { Language } from '$lib/i18n/languages';
	import type { DateLocale } from '$lib/date-format';
	/**
	 * Per language, per string bundle ($lib/i18n/bundles: BUNDLES) its immutable file; the
	 * shell's also has the language's date names and patterns.
	 */
	export const loaders: Partial<
		Record<Language, Record<string, () => Promise<{ default: Messages; date?: DateLocale }>>>
	>;
}
