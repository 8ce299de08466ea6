import type { EventEmitter } from 'node:events';

/**
 * After SIGTERM/SIGINT adapter-node stops listening, lets running requests finish and then
 * emits `sveltekit:shutdown`. Here the rest ends: timers stop, the database closes (so a
 * supervisor never has two writers on one PGlite folder) and the process exits, within
 * `graceMs` even when something hangs.
 */
export function onShutdown(
	proc: EventEmitter,
	steps: {
		stopTimers: () => void;
		closeDatabase: () => Promise<void>;
		exit: (code: number) => void;
		graceMs: number;
	}
): void {
	proc.once('sveltekit:shutdown', () => {
		const guard = setTimeout(() => steps.exit(1), steps.graceMs);
		guard.unref?.();
		void (async () => {
			try {
				steps.stopTimers();
				await steps.closeDatabase();
				clearTimeout(guard);
				steps.exit(0);
			} catch (e) {
				console.error('Wegwijs: shutdown failed', e instanceof Error ? e.message : e);
				clearTimeout(guard);
				steps.exit(1);
			}
		})();
	});
}
