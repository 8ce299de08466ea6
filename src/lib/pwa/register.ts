import { browser, dev } from '$app/environment';
import { pwaUpdate } from './update.svelte';

/** Ask the server for a new service worker at most this often (after navigations). */
const UPDATE_CHECK_INTERVAL_MS = 60_000;

let registration: ServiceWorkerRegistration | null = null;
let registering = false;
let lastCheck = 0;

/**
 * Registers /service-worker.js with the browser's own API. Call once from the root layout's
 * onMount. Only in production builds: in `vite dev` SvelteKit serves the worker as an
 * unbundled module without a precache list, and a caching worker there only hides changes.
 *
 * Not workbox-window: the few events used here are the platform's own, and that library was
 * 2.3 KB gzip of every page's first visit on a prepaid phone (#19).
 */
export async function registerServiceWorker(): Promise<void> {
	if (!browser || dev || registering || !('serviceWorker' in navigator)) return;
	registering = true;
	// After the page has loaded, so the worker's precache does not compete with the page.
	if (document.readyState !== 'complete')
		await new Promise((done) => window.addEventListener('load', done, { once: true }));
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') checkForUpdate();
	});
	lastCheck = Date.now();
	try {
		// The built worker is one self-contained script, so 'classic' (as SvelteKit registers
		// it) works in every browser; module workers are newer in Firefox.
		const reg = await navigator.serviceWorker.register('/service-worker.js', {
			scope: '/',
			type: 'classic'
		});
		registration = reg;
		// A new version left waiting from an earlier visit, or installed by another tab: offer it;
		// it takes over only when the person agrees.
		if (reg.waiting) pwaUpdate.offer(reg);
		reg.addEventListener('updatefound', () => {
			const installing = reg.installing;
			installing?.addEventListener('statechange', () => {
				// Installed while an older version controls this page: it waits for the person.
				// (The very first worker has nothing to replace and takes over by itself.)
				if (installing.state === 'installed' && navigator.serviceWorker.controller)
					pwaUpdate.offer(reg);
			});
		});
	} catch (error) {
		// The app works without a worker (no offline support); never break the page for it.
		console.warn('Wegwijs: service worker registration failed', error);
	}
}

/**
 * Asks the browser to look for a new service worker. Call from the root layout's
 * afterNavigate: a PWA kept open for days otherwise never notices a deploy. Throttled to
 * once a minute so client-side navigation stays cheap on prepaid data.
 */
export function checkForUpdate(): void {
	if (!registration || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
	if (!navigator.onLine) return;
	lastCheck = Date.now();
	// Offline or a server hiccup: the next navigation tries again.
	registration.update().catch(() => undefined);
}
