import { expect, test } from '@playwright/test';
import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { demoSession, startAppServer, tempDataDir, type AppServer } from './app-server';

// The app process is killed (SIGKILL: no shutdown, no flush) in the middle of a stream of
// writes on its embedded PGlite database, the default and riskiest case, and started again
// on the same files. Every write the client got a 2xx for must be there, once; the rest are
// sent again with the same Idempotency-Keys, as the outbox does, and end up applied once.

const PORT = 4228;
const WRITES = 24;

let app: AppServer | undefined;
// Made in beforeAll, not at load: Playwright also loads this file just to list the tests.
let data: ReturnType<typeof tempDataDir>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
	data = tempDataDir();
});

test.afterAll(async () => {
	await app?.kill('SIGKILL');
	data?.remove();
});

/** Reads the app's PGlite files directly, while the app is not running. */
async function readDatabase<T>(read: (db: PGlite) => Promise<T>): Promise<T> {
	const db = await PGlite.create(path.join(data.dir, 'pglite'));
	try {
		return await read(db);
	} finally {
		await db.close();
	}
}

test('SIGKILL during writes on PGlite: acknowledged writes survive once, the rest are re-sent once', async () => {
	test.setTimeout(180_000);
	app = await startAppServer({ port: PORT, dataDir: data.dir, readyTimeoutMs: 120_000 });
	const cookie = await demoSession(app.origin, 'lars');
	// Instruments Lars has not asked about yet, from the catalogue as he sees it.
	const page = (p: string) => fetch(app!.origin + p, { headers: { cookie } }).then((r) => r.text());
	const list = await page('/uitleg/hulp?segment=all&age=all');
	const codes = [
		...new Set([...list.matchAll(/href="\/uitleg\/hulp\/([a-z0-9-]+)"/g)].map((m) => m[1]!))
	];
	const instruments: string[] = [];
	for (const code of codes) {
		const form = (await page(`/uitleg/hulp/${code}`)).match(
			/name="instrumentId" value="([0-9a-f-]{36})"/
		);
		if (form && instruments.length < WRITES) instruments.push(form[1]!);
	}
	expect(instruments).toHaveLength(WRITES);

	// One question about each instrument, each with its own key, four at a time.
	const writes = instruments.map((instrumentId) => ({
		key: randomUUID().replaceAll('-', ''),
		body: JSON.stringify({ type: 'ask', instrumentId, message: 'Kan ik dit krijgen?' })
	}));
	const send = (origin: string, w: (typeof writes)[number]) =>
		fetch(`${origin}/api/client/actions`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json', 'idempotency-key': w.key },
			body: w.body,
			signal: AbortSignal.timeout(10_000)
		});
	const acked = new Set<string>();
	let next = 0;
	const running = app;
	const worker = async () => {
		while (next < writes.length) {
			const w = writes[next++]!;
			const r = await send(running.origin, w).catch(() => null);
			if (r?.ok) acked.add(w.key);
			if (acked.size >= 8) void running.kill('SIGKILL'); // mid-stream: others are in flight
			if (!r) return; // the server is gone
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	await running.kill('SIGKILL');
	test.info().annotations.push({
		type: 'writes',
		description: `${acked.size} acknowledged of ${next} started before the kill`
	});
	expect(acked.size).toBeGreaterThanOrEqual(8);
	expect(acked.size).toBeLessThan(WRITES);

	// After the crash, straight from the files: each acknowledged write is there, once.
	const afterCrash = await readDatabase(async (db) => {
		const keys = await db.query<{ key: string; status: number }>(
			`select key, status from idempotency where user_id = (select id from "user" where demo_key = 'lars')`
		);
		const asked = await db.query<{ instrument_id: string; n: number }>(
			`select instrument_id, count(*)::int as n from client_request
			 where kind = 'instrument_question' and instrument_id = any($1::uuid[])
				and client_id = (select c.id from client c join "user" u on u.id = c.user_id
					where u.demo_key = 'lars')
			 group by instrument_id`,
			[instruments]
		);
		return { keys: keys.rows, asked: asked.rows };
	});
	// Keys are stored per person as "<user id>:<key>" (#14).
	const stored = new Map(
		afterCrash.keys.map((k) => [k.key.slice(k.key.indexOf(':') + 1), k.status])
	);
	for (const key of acked) expect(stored.get(key), `acknowledged ${key}`).toBe(200);
	expect(afterCrash.asked.filter((a) => a.n !== 1)).toEqual([]);
	const askedAfterCrash = new Set(afterCrash.asked.map((a) => a.instrument_id));
	for (const [i, w] of writes.entries()) {
		if (acked.has(w.key)) expect(askedAfterCrash.has(instruments[i]!)).toBe(true);
	}

	// Started again on the same files; the client sends everything it has no answer for, and
	// (like a lost answer) the acknowledged ones too: those are replayed, not applied again.
	app = await startAppServer({ port: PORT, dataDir: data.dir, readyTimeoutMs: 120_000 });
	for (const w of writes) {
		const r = await send(app.origin, w);
		expect(r.status).toBe(200);
		if (acked.has(w.key)) expect(r.headers.get('idempotent-replayed')).toBe('true');
	}
	await app.kill('SIGTERM');
	const end = await readDatabase(async (db) => {
		const keys = await db.query<{ n: number }>(
			`select count(*)::int as n from idempotency where status = 200
			 and user_id = (select id from "user" where demo_key = 'lars')`
		);
		const asked = await db.query<{ instrument_id: string; n: number }>(
			`select instrument_id, count(*)::int as n from client_request
			 where kind = 'instrument_question' and instrument_id = any($1::uuid[])
				and client_id = (select c.id from client c join "user" u on u.id = c.user_id
					where u.demo_key = 'lars')
			 group by instrument_id`,
			[instruments]
		);
		return { keys: keys.rows[0]!.n, asked: asked.rows };
	});
	expect(end.keys).toBe(WRITES);
	expect(end.asked).toHaveLength(WRITES);
	expect(end.asked.filter((a) => a.n !== 1)).toEqual([]);
});
