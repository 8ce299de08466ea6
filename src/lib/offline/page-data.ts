import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { loadPage, savePage } from './store';

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
	schema: z.ZodType,
	messages: Record<string, unknown>
): Promise<WithOffline<T>> {
	if (!browser) return { ...data, offline: false };
	if (isOfflineMarker(data)) {
		const saved = await loadPage(key, schema);
		if (!saved) error(503, notSavedMessage(messages));
		return { ...(saved.value as T), offline: true };
	}
	void savePage(key, data).catch(() => undefined);
	return { ...data, offline: false };
}

function notSavedMessage(messages: Record<string, unknown>): string {
	const offline = messages.offline as Record<string, unknown> | undefined;
	return typeof offline?.notSaved === 'string' ? offline.notSaved : 'Offline';
}
