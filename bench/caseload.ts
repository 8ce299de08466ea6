import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/open';
import { client, user } from '../src/lib/server/db/schema';
import { seedContent } from '../src/lib/server/db/seed/content';
import { seedDemo } from '../src/lib/server/db/seed/demo';
import { seedLarge } from '../src/lib/server/db/seed/large';

export const CASELOAD = 200;

/**
 * Fills a database with `total` clients (the demo dienst plus generated ones) and gives the
 * demo klantmanager Sanne exactly 200 of them, so her caseload page can be timed at
 * different database sizes.
 */
export async function prepareCaseload(
	target: { dataDir?: string; url?: string },
	total: number
): Promise<void> {
	const database = await openDatabase(
		target.url ? { url: target.url } : { dataDir: target.dataDir }
	);
	const { db } = database;
	try {
		await seedContent(db);
		await seedDemo(db);
		const [{ n: have } = { n: 0 }] = await db.select({ n: count() }).from(client);
		if (total > have) {
			let last = 0;
			await seedLarge(db, {
				clients: total - have,
				onProgress: (done, all, stage) => {
					if (done - last >= 10_000 || done === all) {
						last = done;
						console.error(`  seeding ${stage}: ${done}/${all}`);
					}
				}
			});
		}
		const [sanne] = await db
			.select({ id: user.id })
			.from(user)
			.where(eq(user.demoKey, 'klantmanager'));
		const [{ n: own } = { n: 0 }] = await db
			.select({ n: count() })
			.from(client)
			.where(eq(client.klantmanagerId, sanne!.id));
		if (own < CASELOAD) {
			const others = await db
				.select({ id: client.id })
				.from(client)
				.where(and(ne(client.klantmanagerId, sanne!.id), sql`${client.clientNumber} like 'WW-2%'`))
				.orderBy(asc(client.clientNumber))
				.limit(CASELOAD - own);
			await db
				.update(client)
				.set({ klantmanagerId: sanne!.id })
				.where(
					inArray(
						client.id,
						others.map((o) => o.id)
					)
				);
		}
		await db.execute(sql`analyze`);
	} finally {
		await database.close();
	}
}
