import type { Workbox } from 'workbox-window';

/** How long to wait for the new worker to take control before reloading anyway. */
const CONTROLLING_TIMEOUT_MS = 4000;

/**
 * "A new version is ready" state for UpdatePrompt. One instance for the browser tab; on the
 * server it is never touched, so it stays false there.
 */
class PwaUpdate {
	updateAvailable = $state(false);
	/** True while the new worker takes over, so the button cannot be pressed twice. */
	applying = $state(false);
	#wb: Workbox | null = null;

	/** Called by register.ts when a new worker has installed and is waiting. */
	offer(wb: Workbox) {
		this.#wb = wb;
		this.updateAvailable = true;
	}

	/**
	 * Lets the waiting worker take over (it only does so when asked: see SKIP_WAITING in
	 * src/service-worker.ts) and reloads once it controls this page, so page code and cached
	 * files belong to the same version.
	 */
	async applyUpdate() {
		if (this.applying) return;
		this.applying = true;
		const wb = this.#wb;
		const reload = () => window.location.reload();
		const registration = await navigator.serviceWorker?.getRegistration();
		// Another tab may have switched versions already: then only this page is old.
		if (!wb || !registration?.waiting) return reload();
		wb.addEventListener('controlling', reload);
		// Safety net: never leave the person with a button that does nothing.
		setTimeout(reload, CONTROLLING_TIMEOUT_MS);
		wb.messageSkipWaiting();
	}
}

export const pwaUpdate = new PwaUpdate();
