import { browser, dev } from '$app/environment';
import { pwaUpdate } from './update.svelte';
import { takeOver, watchForUpdates } from './update-flow';

/** Ask the server for a new service worker at most this often (after navigations). */
const UPDATE_CHECK_INTERVAL_MS = 60_000;

/** How long to wait for the new worker to take control before reloading anyway. */
const CONTROLLING_TIMEOUT_MS = 4000;

let registration: ServiceWorkerRegistration | null = null;
let registering = false;
let lastCheck = 0;

/**
 * Registers /service-worker.js. Call once from the root layout's onMount. Only in production
 * builds: in `vite dev` SvelteKit serves the worker as an unbundled module without a precache
 * list, and a caching worker there only hides changes.
 */
export async function registerServiceWorker(): Promise<void> {
	if (!browser || dev || registering || !('serviceWorker' in navigator)) return;
	registering = true;
	const container = navigator.serviceWorker;
	try {
		// The built worker is one self-contained script, so 'classic' (as SvelteKit registers
		// it) works in every browser; module workers are newer in Firefox.
		registration = await container.register('/service-worker.js', {
			scope: '/',
			type: 'classic'
		});
	} catch (error) {
		// The app works without a worker (no offline support); never break the page for it.
		console.warn('Wegwijs: service worker registration failed', error);
		return;
	}
	const found = registration;
	// A new version installed and is waiting (also one left waiting from an earlier visit, or
	// one installed by another tab): offer it; it takes over only when the person agrees.
	watchForUpdates(found, () =>
		pwaUpdate.offer(() =>
			takeOver(found, container, () => window.location.reload(), CONTROLLING_TIMEOUT_MS)
		)
	);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') checkForUpdate();
	});
	lastCheck = Date.now();
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
