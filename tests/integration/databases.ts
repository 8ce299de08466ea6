import { afterAll, beforeAll, describe } from 'vitest';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/lib/server/db/open';

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

/** A uniquely named database on the server behind `baseUrl`, dropped again by `drop()`. */
export async function createScratchDatabase(
	baseUrl: string
): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `wegwijs_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	await admin.end();
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
			await a.unsafe(`drop database if exists "${name}" with (force)`);
			await a.end();
		}
	};
}
