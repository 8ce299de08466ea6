import type { Db } from '../db/open';
import { publishHeldAnswers } from '../surveys/held-answers';

const HOUR = 3_600_000;

/**
 * Publishes held survey answers every hour, once at least HELD_BATCH_MIN are waiting (issue
 * #13). Every process may run it: each run takes the held rows it locks, skipping others'.
 */
export function scheduleHeldAnswers(db: Db): void {
	const run = () =>
		void publishHeldAnswers(db).catch((e: unknown) =>
			console.error('Wegwijs: publishing held survey answers failed', e)
		);
	setInterval(run, HOUR).unref();
}
