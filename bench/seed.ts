// The benchmark's data set comes from the app's one bulk generator (src/lib/server/seed/large.ts,
// also behind `npm run seed`): the demo dienst (its personas sign in), then at full scale 50,000
// clients with history, 500 klantmanagers, 400,000 appointments, 100,000 instrument uses and
// 1,000,000 anonymous survey answers. BENCH_SCALE=0.05 makes everything smaller.
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db/open';
import { client, user } from '../src/lib/server/db/schema';
import { seedContent } from '../src/lib/server/seed/content';
import { seedDemo } from '../src/lib/server/seed/demo';
import { seedLarge } from '../src/lib/server/seed/large';

/** Sanne's caseload: the klantmanager whose /km page is measured. */
export const CASELOAD = 200;

export interface BulkSize {
	clients: number;
	klantmanagers: number;
	answers: number;
	instrumentUses: number;
	appointments: number;
}

export const FULL_SIZE: BulkSize = {
	clients: 50_000,
	klantmanagers: 500,
	answers: 1_000_000,
	instrumentUses: 100_000,
	appointments: 400_000
};

export function scaled(scale: number): BulkSize {
	const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
	return {
		clients: s(FULL_SIZE.clients, 500),
		klantmanagers: s(FULL_SIZE.klantmanagers, 5),
		answers: s(FULL_SIZE.answers, 1000),
		instrumentUses: s(FULL_SIZE.instrumentUses, 100),
		appointments: s(FULL_SIZE.appointments, 1000)
	};
}

export interface SeedResult {
	seconds: number;
	steps: { name: string; seconds: number }[];
	counts: Record<string, number>;
}

async function countOf(db: Db, table: string): Promise<number> {
	const r: unknown = await db.execute(sql.raw(`select count(*)::int as n from "${table}"`));
	const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { n: number }[];
	return rows[0]!.n;
}

/** Fills an empty database with the demo dienst and the bulk data; `log` reports progress. */
export async function seedBench(
	db: Db,
	size: BulkSize,
	opts: { now?: Date; log?: (line: string) => void } = {}
): Promise<SeedResult> {
	const now = opts.now ?? new Date();
	const log = opts.log ?? (() => {});
	const steps: SeedResult['steps'] = [];
	const started = performance.now();
	async function step(name: string, fn: () => Promise<unknown>) {
		const t = performance.now();
		await fn();
		const seconds = (performance.now() - t) / 1000;
		steps.push({ name, seconds });
		log(`  ${name}: ${seconds.toFixed(1)} s`);
	}

	await step('content and demo dienst', async () => {
		await seedContent(db);
		await seedDemo(db, { now });
	});
	const [{ n: demoClients } = { n: 0 }] = await db.select({ n: count() }).from(client);
	let lastLogged = 0;
	await step(`${size.clients} clients with history, ${size.answers} survey answers`, () =>
		seedLarge(db, {
			clients: Math.max(0, size.clients - demoClients),
			klantmanagers: size.klantmanagers,
			surveyAnswers: size.answers,
			instrumentUses: size.instrumentUses,
			appointments: size.appointments,
			now,
			onProgress: (done, total, stage) => {
				// A line every ten seconds is enough to see it move.
				if (performance.now() - lastLogged < 10_000 && done < total) return;
				lastLogged = performance.now();
				log(`    ${stage} ${done}/${total}`);
			}
		})
	);
	await step(`Sanne's caseload of ${CASELOAD}`, () => giveSanneHerCaseload(db));
	// VACUUM as autovacuum would have done in production: hint bits set and the visibility map
	// made, so the first timed reports do not pay for the bulk insert.
	await step('vacuum analyze', () => db.execute(sql`vacuum analyze`));

	const counts: Record<string, number> = {};
	for (const table of [
		'client',
		'user',
		'plan',
		'plan_step',
		'appointment',
		'instrument_use',
		'survey_response'
	]) {
		counts[table] = await countOf(db, table);
	}
	counts.klantmanager = (
		await db
			.select({ n: count() })
			.from(user)
			.where(sql`'klantmanager' = any(${user.roles})`)
	)[0]!.n;
	return { seconds: (performance.now() - started) / 1000, steps, counts };
}

/** The demo klantmanager Sanne gets exactly CASELOAD clients, taken from the generated ones. */
async function giveSanneHerCaseload(db: Db): Promise<void> {
	const [sanne] = await db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.demoKey, 'klantmanager'));
	const [{ n: own } = { n: 0 }] = await db
		.select({ n: count() })
		.from(client)
		.where(eq(client.klantmanagerId, sanne!.id));
	if (own >= CASELOAD) return;
	const others = await db
		.select({ id: client.id })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(and(ne(client.klantmanagerId, sanne!.id), isNull(user.demoKey)))
		.orderBy(asc(client.clientNumber))
		.limit(CASELOAD - own);
	const ids = others.map((o) => o.id);
	await db.update(client).set({ klantmanagerId: sanne!.id }).where(inArray(client.id, ids));
	await db.execute(sql`update appointment set staff_id = ${sanne!.id}
		where client_id in (select id from client where klantmanager_id = ${sanne!.id})
			and staff_id <> ${sanne!.id}`);
}
