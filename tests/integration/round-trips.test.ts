import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/lib/server/db/open';
import { countRoundTrips } from '../../src/lib/server/db/round-trips';
import { gemeente, message } from '../../src/lib/server/db/schema';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { load as clientLayoutLoad } from '../../src/routes/(client)/+layout.server';
import { buildFixture } from './km-fixture';
import { searchCaseload } from '../../src/lib/server/caseload/caseload';
import { seedContent } from '../../src/lib/server/seed/content';
import * as content from '../../src/lib/server/content/content';
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

		// Every client page's layout shows the number of unread answers (#16). It is read in the
		// session lookup every request makes anyway, not in a round trip of its own (#19).
		it('a client page reads the session and the unread count in one round trip', async () => {
			const { db } = counted!;
			const f = await buildFixture(db);
			const { token } = await createSession(db, f.maryam.userId, 30);
			const answer = { clientId: f.maryam.clientId, authorId: f.sanne.id, body: 'Antwoord' };
			await db.insert(message).values([
				{ ...answer, fromClient: false },
				{ ...answer, fromClient: false },
				{ ...answer, fromClient: false, readAt: new Date() },
				{ ...answer, fromClient: true, authorId: f.maryam.userId }
			]);
			const limits = 30;
			const { trips, found } = await countRoundTrips(async (count) => {
				const found = await validateSessionToken(db, token, limits);
				return { trips: count(), found };
			});
			expect(trips).toBe(1);
			expect(found?.unreadMessages).toBe(2);

			// The layout's load on a GET uses it and asks the database nothing more.
			const locals = {
				db,
				user: found!.user,
				client: found!.client,
				unreadMessages: found!.unreadMessages
			} as unknown as App.Locals;
			const url = new URL('http://localhost/plan');
			const get = { locals, url, request: new Request(url) };
			const layout = (e: typeof get) =>
				clientLayoutLoad(e as unknown as Parameters<typeof clientLayoutLoad>[0]);
			const onGet = await countRoundTrips(async (count) => ({
				data: await layout(get),
				trips: count()
			}));
			expect(onGet).toEqual({ data: { unreadMessages: 2 }, trips: 0 });

			// After an action (a POST that may have marked answers read) it reads the count again.
			await db.update(message).set({ readAt: new Date() });
			const post = { ...get, request: new Request(url, { method: 'POST' }) };
			expect(await layout(post)).toEqual({ unreadMessages: 0 });
		});

		// Whether the client's gemeente holds concept texts back is read with the texts, not in a
		// query of its own: the full bench counted 5 round trips on a topic page (#19).
		it("a topic or instrument page reads the gemeente's concept setting with its texts", async () => {
			const { db } = counted!;
			await seedContent(db);
			const [g] = await db
				.insert(gemeente)
				.values({ code: 'rt-content', name: 'Round trip content' })
				.returning();
			const gemeenteId = g!.id;
			const trips = (read: () => Promise<unknown>) =>
				countRoundTrips(async (count) => ({ found: (await read()) !== null, trips: count() }));
			// The texts, the dated versions in force, and the glossary when the text marks words.
			for (const code of ['ontheffing', 'maatregel', 'inlichtingenplicht']) {
				const topic = await content.getTopic(db, code, 'nl', gemeenteId);
				expect(await trips(() => content.getTopic(db, code, 'nl', gemeenteId))).toEqual({
					found: true,
					trips: 2 + (topic!.glossary.length > 0 ? 1 : 0)
				});
			}
			// The texts, and the glossary when the text marks words.
			const jc = await content.getInstrument(db, 'jobcoaching', 'nl', null, gemeenteId);
			expect(
				await trips(() => content.getInstrument(db, 'jobcoaching', 'nl', null, gemeenteId))
			).toEqual({ found: true, trips: 1 + (jc!.glossary.length > 0 ? 1 : 0) });
			// The texts and the dated versions in force.
			expect(await trips(() => content.listTopics(db, 'nl', gemeenteId))).toEqual({
				found: true,
				trips: 2
			});
		});

		// The caseload asked who is visible and then their names in two round trips (#19, s8);
		// one query now, built once. Lead and klantmanager share the same prepared queries, and
		// each still sees only their own caseload.
		it('the caseload reads the team, the count and the page: three round trips', async () => {
			// A database of its own: the earlier tests seeded gemeenten the fixture creates too.
			const own = await open(true);
			const { db } = own;
			const f = await buildFixture(db);
			const search = (staff: typeof f.lead) =>
				countRoundTrips(async (count) => {
					const r = await searchCaseload(db, staff, {});
					return {
						names: r.rows.map((row) => row.name),
						team: r.klantmanagers.length,
						trips: count()
					};
				});
			expect(await search(f.lead)).toEqual({ names: ['Maryam Haddad'], team: 2, trips: 3 });
			expect(await search(f.ahmed)).toEqual({ names: ['Frans Bakker'], team: 1, trips: 3 });
			expect(await search(f.sanne)).toEqual({ names: ['Maryam Haddad'], team: 1, trips: 3 });
			await own.close();
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
