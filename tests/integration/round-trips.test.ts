import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/lib/server/db/open';
import { countRoundTrips } from '../../src/lib/server/db/round-trips';
import { gemeente } from '../../src/lib/server/db/schema';
import { createScratchDatabase } from './databases';

// The benchmark's `x-db-round-trips` header: what each page costs the database per request.
const targets: ('pglite' | 'postgres')[] = ['pglite'];
if (process.env.TEST_DATABASE_URL) targets.push('postgres');

for (const target of targets) {
	describe(`database round trips per request [${target}]`, () => {
		let counted: Database | undefined;
		let plain: Database | undefined;
		const drops: (() => Promise<void>)[] = [];
		async function open(countRoundTrips: boolean): Promise<Database> {
			if (target === 'pglite') return openDatabase({ dataDir: 'memory://', countRoundTrips });
			const created = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
			drops.push(created.drop);
			return openDatabase({ url: created.url, countRoundTrips });
		}
		beforeAll(async () => {
			counted = await open(true);
			plain = await open(false);
		});
		afterAll(async () => {
			await counted?.close();
			await plain?.close();
			for (const drop of drops) await drop();
		});

		it('counts each statement, including relational queries and raw SQL', async () => {
			const { db } = counted!;
			const n = await countRoundTrips(async (count) => {
				await db.select().from(gemeente);
				await db.query.gemeente.findMany();
				await db.execute(sql`select 1`);
				return count();
			});
			expect(n).toBe(3);
		});

		it('counts BEGIN and COMMIT of a transaction, and the savepoints of a nested one', async () => {
			const { db } = counted!;
			const n = await countRoundTrips(async (count) => {
				await db.transaction(async (tx) => {
					await tx.insert(gemeente).values({ code: 'rt', name: 'Round trip' });
					await tx.transaction(async (inner) => {
						await inner.execute(sql`select 1`);
					});
				});
				return count();
			});
			// BEGIN, insert, SAVEPOINT, select, RELEASE, COMMIT
			expect(n).toBe(6);
		});

		it('counts a rolled-back transaction as BEGIN, its statements and ROLLBACK', async () => {
			const { db } = counted!;
			const n = await countRoundTrips(async (count) => {
				await db
					.transaction(async (tx) => {
						await tx.execute(sql`select 1`);
						throw new Error('undo');
					})
					.catch(() => {});
				return count();
			});
			expect(n).toBe(3);
		});

		it('keeps the counts of concurrent requests apart', async () => {
			const { db } = counted!;
			const [a, b] = await Promise.all([
				countRoundTrips(async (count) => {
					await db.execute(sql`select pg_sleep(0.01)`);
					await db.execute(sql`select 1`);
					return count();
				}),
				countRoundTrips(async (count) => {
					await db.execute(sql`select 1`);
					return count();
				})
			]);
			expect([a, b]).toEqual([2, 1]);
		});

		it('counts nothing when the counter is off', async () => {
			const { db } = plain!;
			const n = await countRoundTrips(async (count) => {
				await db.select().from(gemeente);
				await db.transaction(async (tx) => tx.execute(sql`select 1`));
				return count();
			});
			expect(n).toBe(0);
		});
	});
}
