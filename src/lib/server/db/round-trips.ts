import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * Counts database round trips per request, for the benchmarks (BENCH_COUNT_QUERIES=true).
 * Every statement drizzle sends is one round trip; a transaction adds two more (BEGIN and
 * COMMIT or ROLLBACK), which the drivers send themselves. Savepoints of nested transactions
 * are statements, so they are counted as such.
 */
const current = new AsyncLocalStorage<{ n: number }>();

/** Runs `fn` with a fresh counter; `count()` inside it tells how many round trips were made. */
export function countRoundTrips<T>(fn: (count: () => number) => T): T {
	const store = { n: 0 };
	return current.run(store, () => fn(() => store.n));
}

/** Adds `n` round trips to the counter of the current request, if any. */
export function noteRoundTrips(n = 1): void {
	const store = current.getStore();
	if (store) store.n += n;
}

/** A drizzle logger that counts each statement instead of printing it. */
export const roundTripLogger: Logger = {
	logQuery: () => noteRoundTrips(1)
};

type WithTransaction = { transaction: (...args: never[]) => unknown };

/**
 * Makes `db.transaction` count its BEGIN and COMMIT (or ROLLBACK). postgres.js sends the
 * SAVEPOINT and RELEASE of a nested transaction itself (`savepointsBySql: false`), PGlite's
 * drizzle driver sends them as statements, which the logger already counts.
 */
export function countTransactions<D extends WithTransaction>(
	db: D,
	opts: { savepointsBySql: boolean }
): D {
	wrap(db, 2, opts.savepointsBySql);
	return db;
}

function wrap(db: WithTransaction, cost: number, savepointsBySql: boolean): void {
	const original = db.transaction.bind(db) as (
		fn: (tx: WithTransaction) => unknown,
		...rest: unknown[]
	) => unknown;
	db.transaction = ((fn: (tx: WithTransaction) => unknown, ...rest: unknown[]) => {
		noteRoundTrips(cost);
		return original(
			(tx) => {
				wrap(tx, savepointsBySql ? 0 : 2, savepointsBySql);
				return fn(tx);
			},
			...rest
		);
	}) as unknown as WithTransaction['transaction'];
}
