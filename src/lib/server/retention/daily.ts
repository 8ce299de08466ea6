import type { Db } from '../db/open';
import { closeAccountsAfterOutflow } from '../caseload/outflow';
import { deleteExpired as deleteExpiredDocuments } from '../documents/documents';

const HOUR = 3_600_000;

/**
 * The daily housekeeping of clients who left: accounts whose read period after outflow is over
 * are closed, and documents past their retention are removed. First run two hours after start (a restart does nothing at once), then daily.
 * Every process may run it: a second run finds nothing left to do.
 */
export function scheduleDaily(db: Db): void {
	const run = async () => {
		const closed = await closeAccountsAfterOutflow(db);
		if (closed > 0) console.log(`Wegwijs: ${closed} client account(s) closed after outflow`);
		// Documents of closed accounts go with them, the rest after their time (documents.ts).
		const removed = await deleteExpiredDocuments(db);
		if (removed > 0) console.log(`Wegwijs: ${removed} document(s) removed by retention`);
	};
	const runLogged = () =>
		void run().catch((e: unknown) => console.error('Wegwijs: daily housekeeping failed', e));
	setTimeout(() => {
		runLogged();
		setInterval(runLogged, 24 * HOUR).unref();
	}, 2 * HOUR).unref();
}
