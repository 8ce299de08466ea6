import { loaders, routes } from 'virtual:wegwijs-messages';
import type { Messages } from './index';
import type { Language } from './languages';
import type { DateLocale } from '../date-format';
import { nearestRoute } from './route-lookup';

/** What a page needs to speak its language: its UI strings, and how to write a date. */
export interface PageStrings {
	messages: Messages;
	date: DateLocale;
}

type File = { default: Messages; date?: DateLocale };
type Bundles = (() => Promise<File>)[];

const languages = new Map<string, Promise<Bundles>>();
const files = new Map<string, Promise<File>>();
const merged = new Map<string, Promise<PageStrings>>();

/** A failed download (offline, no precache yet) is tried again next time. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>) {
	let found = cache.get(key);
	if (!found) {
		found = make();
		found.catch(() => cache.delete(key));
		cache.set(key, found);
	}
	return found;
}

// Indexes in BUNDLES ($lib/i18n/bundles), which the browser's code does not carry.
const SHELL = 0;
const ALL = 1;

/** The bundle of a route, as bundleOf in $lib/i18n/bundles. */
function bundleOf(routeId: string | null): number {
	if (routeId === null) return SHELL;
	const id = nearestRoute(routes, routeId);
	return id === undefined ? ALL : routes[id]!;
}

/** One immutable file of a language (a language without a messages file gets Dutch). */
function file(lang: Language, bundle: number): Promise<File> {
	return remember(files, `${lang}:${bundle}`, async () => {
		const bundles = await remember(languages, lang, () =>
			(loaders[lang] ?? loaders.nl!)().then((m) => m.bundles)
		);
		return bundles[bundle]!();
	});
}

/**
 * The UI strings a route's page shows (server render and browser alike): the shell and the
 * route's bundle ($lib/i18n/bundles), each a separate immutable file in the browser, loaded
 * once. The same object for the same language and route, so a page can tell when it changed.
 */
export function loadStrings(lang: Language, routeId: string | null): Promise<PageStrings> {
	const bundle = bundleOf(routeId);
	return remember(merged, `${lang}:${bundle}`, async () => {
		const wanted = bundle === SHELL ? [SHELL] : [SHELL, bundle];
		const [shell, ...rest] = await Promise.all(wanted.map((b) => file(lang, b)));
		return {
			messages: Object.assign({}, shell!.default, ...rest.map((f) => f.default)),
			date: shell!.date!
		};
	});
}

/** Only the UI strings of a route's page (see loadStrings). */
export async function loadMessages(lang: Language, routeId: string | null): Promise<Messages> {
	return (await loadStrings(lang, routeId)).messages;
}
