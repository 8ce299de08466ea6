import type { Db } from './open';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Work that must wait until a transaction has committed: a Web Push reaches a phone at once and
// cannot be taken back, so a push about a reply whose transaction rolls back would announce a
// message that does not exist. `transaction` opens the transaction and runs what `afterCommit`
// queued in it once it committed (nothing when it rolled back), with the database itself
// (the transaction is closed by then).

type Work = (db: Db) => Promise<void>;
interface Pending {
	db: Db;
	work: Work[];
}

const pending = new WeakMap<object, Pending>();

/** Runs `work` after the commit of `db` when it is a transaction opened by `transaction`. */
export async function afterCommit(db: Db, work: Work): Promise<void> {
	const queued = pending.get(db);
	if (queued) queued.work.push(work);
	else await work(db);
}

/** `db.transaction`, then whatever `afterCommit` queued in it, in order, awaited. */
export async function transaction<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
	const queued: Pending = { db, work: [] };
	const result = await db.transaction(async (tx) => {
		pending.set(tx, queued);
		return body(tx);
	});
	for (const work of queued.work) {
		try {
			await work(db);
		} catch (e) {
			// The change is committed; a notice that could not go out must not undo it.
			console.error('Wegwijs: after-commit work failed', (e as Error).message);
		}
	}
	return result;
}
