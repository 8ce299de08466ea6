import { browser } from '$app/environment';
import { redirect } from '@sveltejs/kit';
import { isOfflineMarker } from '$lib/offline/page-data';
import type { LayoutLoad } from './$types';

const LAST_USER = 'wegwijs-last-user';

/**
 * Online: the server's data, and (for a signed-in person) an encrypted copy for offline use.
 * Offline: that copy, so the app opens without a connection after one online visit.
 * The offline store and its schemas are loaded lazily: they are not first-load JavaScript.
 */
export const load: LayoutLoad = async ({ data }) => {
	if (!browser) return { ...data, offline: false };
	if (isOfflineMarker(data)) {
		const store = await import('$lib/offline/store');
		const userId = localStorage.getItem(LAST_USER);
		if (userId) await store.setOfflineUser(userId);
		const { PAGE_SCHEMAS } = await import('$lib/offline/schemas');
		const saved = userId ? await store.loadPage('layout', PAGE_SCHEMAS.layout) : null;
		// Never opened online on this phone (or signed out): the plain offline page.
		if (!saved) redirect(307, '/offline');
		return { ...(saved.value as typeof data), offline: true };
	}
	const userId = data.user?.id ?? null;
	if (userId) localStorage.setItem(LAST_USER, userId);
	else localStorage.removeItem(LAST_USER);
	// Online the page does not wait for the store (IndexedDB, WebCrypto): it switches and saves
	// in the background. Pages and the outbox reach the store through the same import, and
	// this one is made first, so they always see the switched store.
	void import('$lib/offline/store')
		.then((store) => {
			void store.setOfflineUser(userId);
			if (userId) return store.savePage('layout', data);
		})
		.catch(() => undefined);
	return { ...data, offline: false };
};
