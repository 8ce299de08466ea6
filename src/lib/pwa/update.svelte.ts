/**
 * "A new version is ready" state for UpdatePrompt. One instance for the browser tab; on the
 * server it is never touched, so it stays false there.
 */
class PwaUpdate {
	updateAvailable = $state(false);
	/** True while the new worker takes over, so the button cannot be pressed twice. */
	applying = $state(false);
	#apply: (() => void) | null = null;

	/**
	 * Called by register.ts when a new worker has installed and is waiting; `apply` lets it
	 * take over and reloads the page (takeOver in update-flow.ts).
	 */
	offer(apply: () => void) {
		this.#apply = apply;
		this.updateAvailable = true;
	}

	/**
	 * Lets the waiting worker take over (it only does so when asked: see SKIP_WAITING in
	 * src/service-worker.ts) and reloads once it controls this page, so page code and cached
	 * files belong to the same version.
	 */
	applyUpdate() {
		if (this.applying) return;
		this.applying = true;
		if (this.#apply) this.#apply();
		else window.location.reload();
	}
}

export const pwaUpdate = new PwaUpdate();
