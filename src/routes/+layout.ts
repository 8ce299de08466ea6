import { browser } from '$app/environment';
import { redirect } from '@sveltejs/kit';
import { isOfflineMarker, switchOfflineStore } from '$lib/offline/page-data';
import { loadStrings } from '$lib/i18n/load';
import { forgetRecordings } from '$lib/pwa/keep-recordings';
import type { LayoutLoad } from './$types';

const LAST_USER = 'wegwijs-last-user';

/** The server data the offline store was last switched for (see below). */
let switchedFor: unknown = null;

/**
 * Online: the server's data with the UI strings its page shows (small immutable files per
 * language and route, not part of the HTML: $lib/i18n/bundles), and for a signed-in client an
 * encrypted copy for offline use. Offline: that copy, so the app opens without a connection
 * after one online visit. The offline store and its schemas are loaded lazily: they are not
 * first-load JavaScript. Reading `route.id` makes this load run again on every route change,
 * for that route's strings.
 */
export const load: LayoutLoad = async ({ data, route }) => {
	const stringsFor = async (d: typeof data) => {
		const { messages, date } = await loadStrings(d.lang, route.id);
		return { messages, dateLocale: date };
	};
	if (!browser) return { ...data, ...(await stringsFor(data)), offline: false };
	if (isOfflineMarker(data)) {
		const userId = localStorage.getItem(LAST_USER);
		const store = await switchOfflineStore(userId, { wipe: false, now: true });
		const { PAGE_SCHEMAS } = await import('$lib/offline/schemas');
		const saved = store ? await store.loadPage('layout', PAGE_SCHEMAS.layout) : null;
		// Never opened online on this phone (or signed out): the plain offline page.
		if (!saved) redirect(307, '/offline');
		const value = saved.value as typeof data;
		return { ...value, ...(await stringsFor(value)), offline: true };
	}
	const strings = stringsFor(data);
	// Another route with the same server data (nothing was invalidated): only its strings.
	if (data === switchedFor) return { ...data, ...(await strings), offline: false };
	switchedFor = data;
	// Only a client's pages are kept offline. Whoever was kept before is wiped when someone
	// else (or nobody) is signed in.
	const userId = data.user?.roles.includes('client') ? data.user.id : null;
	const previous = localStorage.getItem(LAST_USER);
	const wipe = !!previous;
	// The recordings that client's pages kept go too (the topics they opened say something).
	if (previous && previous !== userId) void forgetRecordings();
	if (userId) localStorage.setItem(LAST_USER, userId);
	else localStorage.removeItem(LAST_USER);
	// Online the page does not wait for the store (IndexedDB, WebCrypto): it loads after the
	// page is idle and switches and saves in the background; pages and the outbox wait for it.
	void switchOfflineStore(userId, { wipe: wipe || !!userId }).then((store) =>
		store?.savePage('layout', data)
	);
	return { ...data, ...(await strings), offline: false };
};
