import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './open';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Work that must wait until a transaction has committed: a Web Push reaches a phone at once and
// an e-mail cannot be called back, so a notice about a change whose transaction rolls back
// would announce something that never happened. `transaction` opens the transaction and runs
// what `afterCommit` queued in it once it committed (nothing when it rolled back), with the
// database itself (the transaction is closed by then). A `transaction` opened inside another
// one (a savepoint) hands its work to the outer one: only the outermost commit counts.

type Work = (db: Db) => Promise<void>;
interface Pending {
	db: Db;
	work: Work[];
}

const pending = new WeakMap<object, Pending>();

/**
 * Throws when `db` is a transaction not opened by `transaction` (a plain `db.transaction`):
 * work queued there could only run before its commit. Called by whatever tells a person
 * something (and by `transaction` itself), so such a path fails in its first test instead of
 * notifying too early.
 */
export function requireAfterCommit(db: Db): void {
	if (db instanceof PgTransaction && !pending.has(db)) {
		throw new Error(
			'Wegwijs: a notice inside a transaction not opened by after-commit `transaction`'
		);
	}
}

/** Runs `work` after the commit of `db` when it is a transaction opened by `transaction`. */
export async function afterCommit(db: Db, work: Work): Promise<void> {
	requireAfterCommit(db);
	const queued = pending.get(db);
	if (queued) queued.work.push(work);
	else await work(db);
}

/** `db.transaction`, then whatever `afterCommit` queued in it, in order, awaited. */
export async function transaction<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
	requireAfterCommit(db);
	const outer = pending.get(db);
	const queued: Pending = { db: outer?.db ?? db, work: [] };
	const result = await db.transaction(async (tx) => {
		pending.set(tx, queued);
		return body(tx);
	});
	if (outer) {
		// A savepoint that held: its work waits for the outer commit.
		outer.work.push(...queued.work);
		return result;
	}
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
