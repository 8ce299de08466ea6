import type { Db } from '../db/open';
import { closeAccountsAfterOutflow } from '../caseload/outflow';
import { runRetention } from './retention';

const HOUR = 3_600_000;

/**
 * The daily housekeeping of clients who left: accounts whose read period after outflow is over
 * are closed, then what is past its retention term is removed (retention.ts, terms per
 * gemeente in /beheer/bewaartermijnen). First run two hours after start (a restart does nothing
 * at once), then daily. Every process may run it: a second run finds nothing left to do.
 */
export function scheduleDaily(db: Db): void {
	const run = async () => {
		const closed = await closeAccountsAfterOutflow(db);
		if (closed > 0) console.log(`Wegwijs: ${closed} client account(s) closed after outflow`);
		const removed = await runRetention(db);
		if (Object.keys(removed).length)
			console.log(`Wegwijs: retention removed ${JSON.stringify(removed)}`);
	};
	const runLogged = () =>
		void run().catch((e: unknown) => console.error('Wegwijs: daily housekeeping failed', e));
	setTimeout(() => {
		runLogged();
		setInterval(runLogged, 24 * HOUR).unref();
	}, 2 * HOUR).unref();
}
