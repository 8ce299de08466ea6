/**
 * The page's side of the kept recordings (browser only; see ./recordings for the worker's side).
 * No zod here: this module is part of the first-load JavaScript (the root layout uses it).
 */

/** The service worker's cache of recordings. */
export const RECORDINGS_CACHE = 'wegwijs-recordings';

/**
 * Deletes the kept recordings (browser only): called when someone else, or nobody, is signed in
 * on this phone where a client was before. Without Cache Storage (old or private browser) there
 * is nothing to delete.
 */
export async function forgetRecordings(): Promise<void> {
	if (typeof caches === 'undefined') return;
	await caches.delete(RECORDINGS_CACHE).catch(() => false);
}

/**
 * Asks the service worker to keep the recording at `url` (browser only). Without a service
 * worker (not yet installed, blocked, or a browser without one) nothing happens: the audio then
 * simply needs the network.
 */
export function keepRecording(url: string): void {
	if (!('serviceWorker' in navigator)) return;
	void navigator.serviceWorker.ready
		.then((registration) => registration.active?.postMessage({ type: 'KEEP_RECORDING', url }))
		.catch(() => {});
}
