import type { Workbox } from 'workbox-window';
import { browser, dev } from '$app/environment';
import { pwaUpdate } from './update.svelte';

/** Ask the server for a new service worker at most this often (after navigations). */
const UPDATE_CHECK_INTERVAL_MS = 60_000;

let wb: Workbox | null = null;
let lastCheck = 0;

/**
 * Registers /service-worker.js through workbox-window. Call once from the root layout's
 * onMount. Only in production builds: in `vite dev` SvelteKit serves the worker as an
 * unbundled module without a precache list, and a caching worker there only hides changes.
 */
export async function registerServiceWorker(): Promise<void> {
	if (!browser || dev || wb || !('serviceWorker' in navigator)) return;
	// The built worker is one self-contained script, so 'classic' (as SvelteKit registers
	// it) works in every browser; module workers are newer in Firefox.
	// Loaded after the page is up: not part of the first-load JavaScript.
	const { Workbox } = await import('workbox-window');
	if (wb) return;
	wb = new Workbox('/service-worker.js', { scope: '/', type: 'classic' });
	const instance = wb;
	// A new version installed and is waiting (also one left waiting from an earlier visit,
	// or one installed by another tab): offer it; it takes over only when the person agrees.
	instance.addEventListener('waiting', () => pwaUpdate.offer(instance));
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') checkForUpdate();
	});
	lastCheck = Date.now();
	try {
		await instance.register();
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
	if (!wb || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
	if (!navigator.onLine) return;
	lastCheck = Date.now();
	// Offline or a server hiccup: the next navigation tries again.
	wb.update().catch(() => undefined);
}
