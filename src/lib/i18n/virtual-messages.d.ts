declare module 'virtual:wegwijs-messages' {
	import type { Messages } from '$lib/i18n/index';
	import type { Language } from '$lib/i18n/languages';
	import type { MessagesPart } from '$lib/i18n/parts';
	export const loaders: Partial<
		Record<Language, Record<MessagesPart, () => Promise<{ default: Messages }>>>
	>;
}
