import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { PageSchemaName } from './schemas';

// The offline store (IndexedDB, WebCrypto) and zod are imported only when needed, so they
// are not part of the JavaScript a phone downloads to show a page the first time.

type Store = typeof import('./store');

/** Marker the service worker puts in place of server data when there is no connection. */
export const OFFLINE_MARKER = '__wegwijsOffline';

export function isOfflineMarker(data: unknown): boolean {
	return !!data && typeof data === 'object' && OFFLINE_MARKER in data;
}

export type WithOffline<T> = T & { offline: boolean };

/** The store, switched to the person of the last layout load; null when there is none. */
let ready: Promise<Store | null> = Promise.resolve(null);

function whenIdle(): Promise<void> {
	return new Promise((resolve) => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
		else setTimeout(resolve, 200);
	});
}

/**
 * Switches the offline store to `userId` (a signed-in client) or to nobody. Online the store
 * (IndexedDB, WebCrypto) loads only once the page is idle, and not at all for a visitor or
 * staff on a phone where no client was signed in before (`wipe` false): there is nothing to
 * keep and nothing to delete. Everything that reads or writes the store waits for this switch.
 */
export function switchOfflineStore(
	userId: string | null,
	opts: { wipe: boolean; now?: boolean }
): Promise<Store | null> {
	if (!userId && !opts.wipe) {
		ready = Promise.resolve(null);
		return ready;
	}
	ready = (opts.now ? Promise.resolve() : whenIdle())
		.then(() => import('./store'))
		.then(async (store) => {
			await store.setOfflineUser(userId);
			return userId ? store : null;
		})
		.catch(() => null);
	return ready;
}

/** The offline store once the current switch is done; null when nobody's copy is kept. */
export function offlineStoreReady(): Promise<Store | null> {
	return ready;
}

/**
 * For a universal load: online, keeps an encrypted copy of the server data and passes it on;
 * offline, shows the last copy after checking it with `schema`, marked `offline`.
 */
export async function offlineAware<T extends object>(
	key: string,
	data: T,
	schema: PageSchemaName,
	messages: Record<string, unknown>
): Promise<WithOffline<T>> {
	if (!browser) return { ...data, offline: false };
	if (isOfflineMarker(data)) {
		const [store, { PAGE_SCHEMAS }] = await Promise.all([import('./store'), import('./schemas')]);
		const saved = await store.loadPage(key, PAGE_SCHEMAS[schema]);
		if (!saved) error(503, notSavedMessage(messages));
		return { ...(saved.value as T), offline: true };
	}
	void ready.then((store) => store?.savePage(key, data)).catch(() => undefined);
	return { ...data, offline: false };
}

// Written as a whole key, so bundles.test.ts sees that a page using offlineAware shows it.
const NOT_SAVED = 'offline.notSaved';

function notSavedMessage(messages: Record<string, unknown>): string {
	const [ns, key] = NOT_SAVED.split('.') as [string, string];
	const texts = messages[ns] as Record<string, unknown> | undefined;
	return typeof texts?.[key] === 'string' ? texts[key] : 'Offline';
}
