import { browser } from '$app/environment';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isOfflineMarker } from '$lib/offline/page-data';
import { loadPage, savePage, setOfflineUser } from '$lib/offline/store';
import { LANGUAGE_CODES } from '$lib/i18n/languages';
import type { LayoutLoad } from './$types';

const LAST_USER = 'wegwijs-last-user';

type Messages = { [key: string]: string | Messages };
const messages: z.ZodType<Messages> = z.lazy(() =>
	z.record(z.string(), z.union([z.string(), messages]))
);
const layoutSchema = z.object({
	lang: z.enum(LANGUAGE_CODES),
	dir: z.enum(['ltr', 'rtl']),
	messages,
	languages: z.array(z.object({ code: z.enum(LANGUAGE_CODES), name: z.string() })),
	dienstName: z.string(),
	user: z
		.object({
			id: z.string(),
			displayName: z.string(),
			roles: z.array(z.string()),
			preferences: z.record(z.string(), z.unknown())
		})
		.nullable()
});

/**
 * Online: the server's data, and (for a signed-in person) an encrypted copy for offline use.
 * Offline: that copy, so the app opens without a connection after one online visit.
 */
export const load: LayoutLoad = async ({ data }) => {
	if (!browser) return { ...data, offline: false };
	if (isOfflineMarker(data)) {
		const userId = localStorage.getItem(LAST_USER);
		if (userId) await setOfflineUser(userId);
		const saved = userId ? await loadPage('layout', layoutSchema) : null;
		// Never opened online on this phone (or signed out): the plain offline page.
		if (!saved) redirect(307, '/offline');
		return { ...(saved.value as typeof data), offline: true };
	}
	const userId = data.user?.id ?? null;
	if (userId) localStorage.setItem(LAST_USER, userId);
	else localStorage.removeItem(LAST_USER);
	await setOfflineUser(userId);
	if (userId) void savePage('layout', data).catch(() => undefined);
	return { ...data, offline: false };
};
