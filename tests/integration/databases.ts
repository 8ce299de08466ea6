import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/open';
import { createScratchDatabase } from '../../scripts/scratch-db.js';

export { createScratchDatabase };

/**
 * Runs a suite once on PGlite (always) and once on a real PostgreSQL server when
 * TEST_DATABASE_URL is set. Each run gets an empty, freshly migrated database.
 */
export function describeEachDatabase(name: string, suite: (get: () => Database) => void): void {
	const targets: ('pglite' | 'postgres')[] = ['pglite'];
	if (process.env.TEST_DATABASE_URL) targets.push('postgres');
	for (const target of targets) {
		describe(`${name} [${target}]`, () => {
			let database: Database | undefined;
			let drop: (() => Promise<void>) | undefined;
			beforeAll(async () => {
				if (target === 'pglite') {
					database = await openDatabase({ dataDir: 'memory://' });
				} else {
					const created = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
					database = await openDatabase({ url: created.url });
					drop = created.drop;
				}
			});
			afterAll(async () => {
				await database?.close();
				await drop?.();
			});
			suite(() => {
				if (!database) throw new Error('database not open yet');
				return database;
			});
		});
	}
}
