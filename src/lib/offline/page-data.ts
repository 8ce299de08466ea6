import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { PageSchemaName } from './schemas';

// The offline store (IndexedDB, WebCrypto) and zod are imported only when needed, so they
// are not part of the JavaScript a phone downloads to show a page the first time.

/** Marker the service worker puts in place of server data when there is no connection. */
export const OFFLINE_MARKER = '__wegwijsOffline';

export function isOfflineMarker(data: unknown): boolean {
	return !!data && typeof data === 'object' && OFFLINE_MARKER in data;
}

export type WithOffline<T> = T & { offline: boolean };

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
	void import('./store').then((store) => store.savePage(key, data)).catch(() => undefined);
	return { ...data, offline: false };
}

function notSavedMessage(messages: Record<string, unknown>): string {
	const offline = messages.offline as Record<string, unknown> | undefined;
	return typeof offline?.notSaved === 'string' ? offline.notSaved : 'Offline';
}
