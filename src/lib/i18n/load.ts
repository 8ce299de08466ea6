import { loaders } from 'virtual:wegwijs-messages';
import type { Messages } from './index';
import type { Language } from './languages';
import type { DateLocale } from '../date-format';
import { bundleOf } from './bundles';

/** What a page needs to speak its language: its UI strings, and how to write a date. */
export interface PageStrings {
	messages: Messages;
	date: DateLocale;
}

type File = { default: Messages; date?: DateLocale };

const files = new Map<string, Promise<File>>();
const merged = new Map<string, Promise<PageStrings>>();

/** One immutable file of a language (a language without a messages file gets Dutch). */
function file(lang: Language, bundle: string): Promise<File> {
	const key = `${lang}:${bundle}`;
	let found = files.get(key);
	if (!found) {
		const bundles = loaders[lang] ?? loaders.nl!;
		found = bundles[bundle]!();
		// A failed download (offline, no precache yet) is tried again next time.
		found.catch(() => files.delete(key));
		files.set(key, found);
	}
	return found;
}

/**
 * The UI strings a route's page shows (server render and browser alike): the shell and the
 * route's bundle ($lib/i18n/bundles), each a separate immutable file in the browser, loaded
 * once. The same object for the same language and route, so a page can tell when it changed.
 */
export function loadStrings(lang: Language, routeId: string | null): Promise<PageStrings> {
	const bundle = bundleOf(routeId);
	const key = `${lang}:${bundle}`;
	let found = merged.get(key);
	if (!found) {
		const wanted = bundle === 'shell' ? ['shell'] : ['shell', bundle];
		found = Promise.all(wanted.map((b) => file(lang, b))).then(([shell, ...rest]) => ({
			messages: Object.assign({}, shell!.default, ...rest.map((f) => f.default)),
			date: shell!.date!
		}));
		found.catch(() => merged.delete(key));
		merged.set(key, found);
	}
	return found;
}

/** Only the UI strings of a route's page (see loadStrings). */
export async function loadMessages(lang: Language, routeId: string | null): Promise<Messages> {
	return (await loadStrings(lang, routeId)).messages;
}
