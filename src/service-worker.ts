/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Wegwijs service worker, built by SvelteKit (kit.serviceWorker.register is false: the page
 * registers it through workbox-window, see src/lib/pwa/register.ts).
 *
 * Only `$service-worker`, `$env/static/public` and plain modules (e.g. `$lib/pwa/*`) may be
 * imported here: SvelteKit builds this file on its own, without `$app/*` or server code.
 *
 * Sections, in the order Workbox needs them (the first matching route wins):
 *   1. Lifecycle: updates wait for the person to press "Vernieuwen".
 *   2. Precache: the app shell and the offline page.
 *   3. Runtime routes: pages (network first, never personal ones), small static assets, and
 *      the recordings of content texts (kept so they play offline).
 *   4. Fallback: the offline page when a navigation fails and nothing is cached.
 *   5. (later) Offline data: the client's plan and appointments in IndexedDB.
 *   6. (later) Sync queue: replaying offline mutations with their Idempotency-Key.
 */

import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { isCacheable } from '$lib/pwa/cache-policy';
import { OFFLINE_PATH, precacheEntries } from '$lib/pwa/precache';
import { SHELL_PATH, isClientPage, offlineDataResponseBody } from '$lib/pwa/offline-routes';
import {
	RECORDINGS_CACHE,
	RECORDINGS_LIMIT,
	isKeepableRecording,
	isRecordingUrl,
	keepRecordingMessage
} from '$lib/pwa/recordings';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** Runtime cache names; the precache is managed (and named) by Workbox itself. */
const CACHE = {
	pages: 'wegwijs-pages',
	assets: 'wegwijs-assets'
} as const;

// ---------------------------------------------------------------------------------------
// 1. Lifecycle
// ---------------------------------------------------------------------------------------

// No automatic skipWaiting: a new version takes over only when the page asks (the
// UpdatePrompt button → workbox-window messageSkipWaiting → this message), so a form
// half filled in is never swapped for new code underneath the person.
sw.addEventListener('message', (event: ExtendableMessageEvent) => {
	const data: unknown = event.data;
	if (isMessage(data) && data.type === 'SKIP_WAITING') {
		void sw.skipWaiting();
	}
	// A client page with a recording was opened: keep the whole file (section 3).
	const recording = keepRecordingMessage(data, sw.location.origin);
	if (recording) {
		event.waitUntil(
			recordings
				.handle({ event, request: new Request(recording, { credentials: 'same-origin' }) })
				.catch(() => undefined)
		);
	}
});

// The very first install has no older worker to respect, so take control of the open tab at
// once: going offline later in this same visit then already shows the offline page. On an
// update this runs only after SKIP_WAITING, when the page reloads anyway.
clientsClaim();

// ---------------------------------------------------------------------------------------
// 2. Precache: app shell (hashed build output), small static files, the offline page
// ---------------------------------------------------------------------------------------

precacheAndRoute(precacheEntries({ build, files, prerendered, version }));
// Removes precaches left by older Workbox versions (not our own older revisions: Workbox
// already deletes those when this version activates).
cleanupOutdatedCaches();

// ---------------------------------------------------------------------------------------
// 3. Runtime routes
// ---------------------------------------------------------------------------------------

/**
 * Every runtime cache goes through this plugin. Personal pages are sent with
 * `Cache-Control: no-store` and must never be stored on a (possibly shared) phone; errors,
 * redirects and cross-origin answers are not content. See $lib/pwa/cache-policy.
 */
const onlyCacheable: WorkboxPlugin = {
	cacheWillUpdate: async ({ request, response }) =>
		isCacheable(request, response, sw.location.origin) ? response : null
};

// Pages: network first, so people always see the newest text when online; a public page
// they opened before is shown from the cache when offline. No network timeout on purpose:
// the cache holds only pages as served to someone signed out (signed-in pages are no-store),
// and a slow line should not swap a signed-in person's page for that version.
registerRoute(
	new NavigationRoute(
		new NetworkFirst({
			cacheName: CACHE.pages,
			plugins: [
				onlyCacheable,
				new ExpirationPlugin({
					maxEntries: 50,
					maxAgeSeconds: 30 * 24 * 60 * 60,
					purgeOnQuotaError: true
				})
			]
		}),
		{
			// JSON endpoints and sign-in callbacks are never pages to keep or to replace by
			// the offline page.
			denylist: [/^\/api\//, /^\/auth\//, /\/__data\.json$/]
		}
	)
);

// Small same-origin images and fonts that are not precached (e.g. pictograms added in
// /beheer later): show the stored copy at once, refresh it in the background.
registerRoute(
	({ request, url }) =>
		url.origin === sw.location.origin &&
		(request.destination === 'image' || request.destination === 'font'),
	new StaleWhileRevalidate({
		cacheName: CACHE.assets,
		plugins: [
			onlyCacheable,
			new ExpirationPlugin({
				maxEntries: 100,
				maxAgeSeconds: 60 * 24 * 60 * 60,
				purgeOnQuotaError: true
			})
		]
	})
);

// Recorded audio of a content text (issue #18): kept so that a page opened online plays its
// recording offline too. Cache first (the address carries the recording's version, so a new
// upload is a new address); the whole file is stored when the page asks for it (the message
// in section 1), since the player itself fetches only parts (Range), and the range plugin cuts
// the part the player asks for from the whole. Sent no-store, kept anyway on purpose: content,
// not personal (see $lib/pwa/recordings). Bounded, and cleared at sign-out.
const recordings = new CacheFirst({
	cacheName: RECORDINGS_CACHE,
	// The answer varies by Cookie (hooks.server.ts), a header a worker's Request never shows.
	matchOptions: { ignoreVary: true },
	plugins: [
		{
			cacheWillUpdate: async ({ request, response }) =>
				isKeepableRecording(request, response, sw.location.origin) ? response : null
		},
		new RangeRequestsPlugin(),
		new ExpirationPlugin({ ...RECORDINGS_LIMIT, purgeOnQuotaError: true })
	]
});
registerRoute(
	({ url, request }) => request.method === 'GET' && isRecordingUrl(url.href, sw.location.origin),
	recordings
);

// Page data (`__data.json`): always from the network. Without a connection the answer says
// "offline" for each node, and the page's load shows its encrypted offline copy instead
// (see $lib/offline/page-data). The data itself never passes through Cache Storage.
registerRoute(
	({ url, request }) =>
		url.origin === sw.location.origin &&
		request.method === 'GET' &&
		url.pathname.endsWith('/__data.json'),
	async ({ request, url }) => {
		try {
			return await fetch(request);
		} catch {
			return new Response(offlineDataResponseBody(url), {
				headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
			});
		}
	}
);

// Everything else (other API calls, version.json, form posts) has no route and goes straight to
// the network, untouched by this worker.

// ---------------------------------------------------------------------------------------
// 4. Fallback
// ---------------------------------------------------------------------------------------

// Runs when a route's strategy fails: for a page that means no network and no cached copy.
// The offline page is prerendered and carries its text in every language.
setCatchHandler(async ({ request }) => {
	if (request.mode === 'navigate' || request.destination === 'document') {
		// A client's own page: the app shell, which shows the offline copy from IndexedDB.
		if (isClientPage(new URL(request.url).pathname)) {
			const shell = await matchPrecache(SHELL_PATH);
			if (shell) return shell;
		}
		const offline = await matchPrecache(OFFLINE_PATH);
		if (offline) return offline;
	}
	return Response.error();
});

// ---------------------------------------------------------------------------------------
// 5. Offline data (later issue)
// ---------------------------------------------------------------------------------------
// The client's own plan and appointments are kept as encrypted JSON in IndexedDB, one store
// per user, filled by the page (not by caching no-store responses here). If the worker needs
// them, add a module under $lib/pwa/ and import it here; never put them in Cache Storage.

// ---------------------------------------------------------------------------------------
// 6. Sync queue (later issue)
// ---------------------------------------------------------------------------------------
// Offline mutations go to a durable queue with an Idempotency-Key. Replay on the Background
// Sync `sync` event here (Chromium only) and, from the page, on `online` and at app start
// (Safari has no Background Sync). The queue lives in the page's IndexedDB and is encrypted
// with the page's key, so the worker only wakes an open page to send it.
sw.addEventListener('sync', (event: Event) => {
	const e = event as ExtendableEvent & { tag?: string };
	if (e.tag !== 'wegwijs-outbox') return;
	e.waitUntil(
		sw.clients.matchAll({ type: 'window' }).then((clients) => {
			for (const client of clients) client.postMessage({ type: 'FLUSH_OUTBOX' });
		})
	);
});

// Web Push (#16): the server sends only a fixed sentence and the page to open, encrypted for
// this device. Shown as it came; a tap opens (or focuses) that page of Wegwijs.
interface PushPayload {
	title: string;
	body: string;
	url: string;
}

function pushPayload(data: unknown): PushPayload | null {
	if (typeof data !== 'object' || data === null) return null;
	const p = data as Record<string, unknown>;
	if (typeof p.title !== 'string' || typeof p.body !== 'string' || typeof p.url !== 'string')
		return null;
	// Only a path in this app: a payload can never send the phone elsewhere.
	if (!p.url.startsWith('/') || p.url.startsWith('//')) return null;
	return { title: p.title, body: p.body, url: p.url };
}

sw.addEventListener('push', (event: PushEvent) => {
	let payload: PushPayload | null = null;
	try {
		payload = pushPayload(event.data?.json());
	} catch {
		payload = null;
	}
	if (!payload) return;
	event.waitUntil(
		sw.registration.showNotification(payload.title, {
			body: payload.body,
			icon: '/icons/icon-192.png',
			badge: '/icons/icon-192.png',
			tag: 'wegwijs',
			data: { url: payload.url }
		})
	);
});

sw.addEventListener('notificationclick', (event: NotificationEvent) => {
	event.notification.close();
	const url = new URL(
		(event.notification.data as { url?: string } | null)?.url ?? '/berichten',
		sw.location.origin
	);
	event.waitUntil(
		sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (open) => {
			const same = open.find((c) => new URL(c.url).origin === url.origin) as
				WindowClient | undefined;
			if (same) {
				await same.focus();
				await same.navigate(url.href);
				return;
			}
			await sw.clients.openWindow(url.href);
		})
	);
});

// ---------------------------------------------------------------------------------------

interface WorkerMessage {
	type: string;
}

function isMessage(data: unknown): data is WorkerMessage {
	return (
		typeof data === 'object' && data !== null && typeof (data as WorkerMessage).type === 'string'
	);
}
