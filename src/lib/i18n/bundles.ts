import type { Messages } from './index';
import { nearestRoute } from './route-lookup';

/**
 * The UI strings reach the browser in small immutable files per language (#19): the shell,
 * which every page shows (header, bottom navigation, update prompt, error page), and one bundle
 * per route with the namespaces its page shows besides the shell. A client's phone downloads
 * the strings of the page it opens, not those of the whole app; staff get every string.
 *
 * bundles.test.ts reads the code of every page (and of the layouts and components it uses) and
 * fails when a page uses a namespace its bundle lacks: add it here.
 */
export const SHELL: readonly string[] = ['app', 'nav', 'errors', 'pwa', 'offline', 'bottomNav'];

/** Every namespace (besides the shell): the staff areas, and any route not listed below. */
export const ALL = 'all';

/**
 * By SvelteKit route id (`route.id`). A route not listed takes its nearest listed parent, else
 * every string. A namespace is the first part of a key: plan of plan.steps.done.
 */
export const ROUTE_STRINGS: Readonly<Record<string, readonly string[] | typeof ALL>> = {
	'/(client)': [
		'actions',
		'appointments',
		'content',
		'conversation',
		'home',
		'notifications',
		'plan',
		'readAloud',
		'survey'
	],
	'/(client)/afspraken': ['appointments', 'readAloud'],
	'/(client)/afspraken/[id=uuid]': [
		'actions',
		'appointments',
		'content',
		'conversation',
		'notifications',
		'outbox',
		'readAloud'
	],
	'/(client)/berichten': ['actions', 'conversation', 'notifications', 'outbox'],
	'/(client)/plan': [
		'actions',
		'content',
		'conversation',
		'home',
		'notifications',
		'outbox',
		'plan',
		'planLanguage',
		'readAloud'
	],
	'/(client)/plan/geschiedenis': ['content', 'conversation', 'plan', 'readAloud'],
	'/(client)/profiel': ['profile'],
	'/(client)/profiel/gegevens': ['profile'],
	'/(client)/uitleg': ['content', 'explain', 'readAloud'],
	'/(client)/uitleg/[code=slug]': ['content', 'explain', 'readAloud', 'review'],
	'/(client)/uitleg/hulp': ['content', 'help', 'readAloud'],
	'/(client)/uitleg/hulp/[code=slug]': [
		'actions',
		'content',
		'conversation',
		'help',
		'notifications',
		'outbox',
		'readAloud',
		'review'
	],
	'/(client)/vragenlijst/[id=uuid]': ['actions', 'outbox', 'survey'],
	'/activeren': ['activate', 'login'],
	'/login': ['login'],
	'/login/tweede-stap': ['login', 'secondFactor'],
	'/offline': [],
	'/shell': [],
	'/bench/leeg': [],
	'/km': ALL,
	'/rapportage': ALL,
	'/beheer': ALL
};

/** The bundles in a fixed order: their index names the file of each (language, bundle). */
export const BUNDLES: readonly string[] = ['shell', ALL, ...Object.keys(ROUTE_STRINGS)];

/**
 * The bundle of a route: the route itself when listed, else its nearest listed parent, else
 * every string. No route (a 404 for an unknown address) shows only the shell.
 */
export function bundleOf(routeId: string | null): string {
	if (routeId === null) return 'shell';
	const id = nearestRoute(ROUTE_STRINGS, routeId);
	return id === undefined || ROUTE_STRINGS[id] === ALL ? ALL : id;
}

/**
 * For the browser: each listed route and the index in BUNDLES of its bundle (the browser's
 * code does not carry the namespace lists, only this).
 */
export function routeBundleIndex(): Record<string, number> {
	return Object.fromEntries(
		Object.keys(ROUTE_STRINGS).map((id) => [id, BUNDLES.indexOf(bundleOf(id))])
	);
}

/** The namespaces of a bundle, taken from all of a language's strings. */
export function namespacesOf(bundle: string, all: Messages): readonly string[] {
	if (bundle === 'shell') return SHELL;
	const listed = ROUTE_STRINGS[bundle];
	if (bundle === ALL || listed === undefined || listed === ALL)
		return Object.keys(all).filter((ns) => !SHELL.includes(ns));
	return listed;
}

/** Only the namespaces of a bundle, as they are in the language's file. */
export function bundleMessages(bundle: string, all: Messages): Messages {
	return Object.fromEntries(
		namespacesOf(bundle, all)
			.filter((ns) => Object.hasOwn(all, ns))
			.map((ns) => [ns, all[ns]!])
	);
}
