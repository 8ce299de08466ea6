import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { countTransactions, roundTripLogger } from './round-trips';

/** One interface over PGlite (embedded) and postgres.js (a real server). */
export type Db = PgDatabase<
	PgQueryResultHKT,
	typeof schema,
	ExtractTablesWithRelations<typeof schema>
>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/**
	 * Runs `fn` while no other app process on the same database runs start-up work (a
	 * PostgreSQL advisory lock): two processes starting at once must not both create the
	 * tables or seed. PGlite has one process, so there it just runs.
	 */
	exclusive<T>(fn: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

// Any constant works; it only has to be the same in every process.
const STARTUP_LOCK = 72_616_002;

function migrationsFolder(): string {
	// The folder sits at the project root both in dev and next to the built server.
	const candidates = [
		path.resolve('drizzle'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle')
	];
	const found = candidates.find((c) => existsSync(path.join(c, 'meta/_journal.json')));
	if (!found) throw new Error(`drizzle migrations not found (looked in ${candidates.join(', ')})`);
	return found;
}

/**
 * Opens the database and applies the migrations in drizzle/.
 * `url` is a postgres:// URL, or a PGlite data folder ('memory://' for tests).
 */
export async function openDatabase(opts: {
	url?: string;
	dataDir?: string;
	/** Count round trips per request (benchmarks only; see round-trips.ts). */
	countRoundTrips?: boolean;
}): Promise<Database> {
	const folder = migrationsFolder();
	const logger = opts.countRoundTrips ? roundTripLogger : undefined;
	if (opts.url) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		// JIT off: Wegwijs runs short queries and small aggregates, where compiling a plan costs
		// more than it saves (100–400 ms per report query when the estimate crosses the limit).
		// While the server is down, requests wait for a new connection attempt. postgres.js
		// backs off up to 20 s between attempts by default, so pages hung for seconds during
		// an outage and after it; at most half a second keeps the 503 quick and the recovery too.
		const sql = postgres(opts.url, {
			max: 10,
			onnotice: () => {},
			connect_timeout: 5,
			backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
			connection: { jit: 'off' }
		});
		const db = drizzle(sql, { schema, logger });
		const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
			// A session lock on one reserved connection; the work itself may use the pool.
			const lock = await sql.reserve();
			try {
				await lock`select pg_advisory_lock(${STARTUP_LOCK})`;
				try {
					return await fn();
				} finally {
					await lock`select pg_advisory_unlock(${STARTUP_LOCK})`;
				}
			} finally {
				lock.release();
			}
		};
		await exclusive(() => migrate(db, { migrationsFolder: folder }));
		if (logger) countTransactions(db, { savepointsBySql: false });
		return {
			db: db as unknown as Db,
			kind: 'postgres',
			exclusive,
			close: () => sql.end({ timeout: 5 })
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const dataDir = opts.dataDir ?? 'memory://';
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create(dataDir);
	const db = drizzle(client, { schema, logger });
	await migrate(db, { migrationsFolder: folder });
	if (logger) countTransactions(db, { savepointsBySql: true });
	return {
		db: db as unknown as Db,
		kind: 'pglite',
		exclusive: (fn) => fn(),
		close: () => client.close()
	};
}
