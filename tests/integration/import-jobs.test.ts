import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { client } from '../../src/lib/server/db/schema';
import {
	countRows,
	importJob,
	progressPoller,
	endImportPolls,
	startImport
} from '../../src/lib/server/import/jobs';
import { BATCH } from '../../src/lib/server/import/run';

// An upload runs in the background (import/jobs.ts) and its page reads how many rows the
// server has done: the figure grows batch by batch while the import runs, the file's row count
// is known from the start, the result replaces it at the end, and only the admin who started
// it can see it.

const N = 2 * BATCH + 201;
const header = 'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\n';
const clients = (n: number, prefix = 'JB') =>
	header +
	Array.from(
		{ length: n },
		(_, i) => `${prefix}-${i};Cliënt ${i};01-01-1990;lindewaard;01-01-2026`
	).join('\n') +
	'\n';

describeEachDatabase('an import in the background', (database) => {
	let f: Fixture;
	const count = async () =>
		(
			await database()
				.db.select({ n: sql<number>`count(*)::int` })
				.from(client)
		)[0]!.n;

	it('counts the rows of a file after the header, with or without a last line break', async () => {
		expect(await countRows(new Blob([clients(3)]))).toBe(3);
		expect(await countRows(new Blob([clients(3).trimEnd()]))).toBe(3);
		expect(await countRows(new Blob([header]))).toBe(0);
		expect(await countRows(new Blob([]))).toBe(0);
	});

	it(`shows the rows done growing batch by batch, then the result; ${N} rows`, async () => {
		const { db } = database();
		f = await buildFixture(db);
		const before = await count();
		// What the status page would read each time the server has done a batch.
		const seen: unknown[] = [];
		const job = startImport(db, f.lead.id, 'clienten', new Blob([clients(N)]), {
			apply: true,
			fileName: 'clienten.csv',
			watch: () => seen.push(importJob(job.id, f.lead.id))
		});
		expect(importJob(job.id, f.lead.id)).toMatchObject({ state: 'running', rows: 0 });
		// Another admin (or anyone else) does not see it.
		expect(importJob(job.id, f.sanne.id)).toBeNull();
		expect(importJob(crypto.randomUUID(), f.lead.id)).toBeNull();
		await job.done;
		expect(seen).toEqual([
			expect.objectContaining({ state: 'running', rows: BATCH, totalRows: N }),
			expect.objectContaining({ state: 'running', rows: 2 * BATCH, totalRows: N })
		]);
		const done = importJob(job.id, f.lead.id);
		expect(done).toMatchObject({
			state: 'done',
			kind: 'clienten',
			fileName: 'clienten.csv',
			apply: true,
			report: { ok: true, applied: true, rows: N, created: N }
		});
		expect(await count()).toBe(before + N);
	});

	it('the progress can be read while the import runs, between batches (also on PGlite)', async () => {
		const { db } = database();
		// What a poll of the status page sees, read from a timer as a request would be answered:
		// on PGlite no timer ran until the import was done (its queries never leave the thread).
		const polled: { state: string; rows?: number }[] = [];
		const job = startImport(db, f.lead.id, 'clienten', new Blob([clients(N, 'JP')]), {
			apply: false,
			fileName: 'clienten.csv'
		});
		const timer = setInterval(() => {
			const view = importJob(job.id, f.lead.id);
			if (view) polled.push({ state: view.state, rows: 'rows' in view ? view.rows : undefined });
		}, 1);
		await job.done;
		clearInterval(timer);
		expect(polled).toContainEqual({ state: 'running', rows: BATCH });
		expect(polled).toContainEqual({ state: 'running', rows: 2 * BATCH });
	});

	it('a poll of the progress by the session that started the import is answered without the database', async () => {
		const { db } = database();
		const token = 'session-token-of-the-admin';
		const me = { id: f.lead.id, roles: ['admin'] } as unknown as NonNullable<App.Locals['user']>;
		const job = startImport(db, f.lead.id, 'clienten', new Blob([clients(N, 'JQ')]), {
			apply: false,
			fileName: 'clienten.csv',
			poller: { sessionToken: token, user: me }
		});
		const path = `/beheer/import/${job.id}/voortgang`;
		expect(progressPoller(path, token)).toBe(me);
		// Another session, another path (the status page, another job) or another token: no.
		expect(progressPoller(path, 'another-token')).toBeNull();
		expect(progressPoller(`/beheer/import/${job.id}`, token)).toBeNull();
		expect(progressPoller(`/beheer/import/${crypto.randomUUID()}/voortgang`, token)).toBeNull();
		expect(progressPoller(`${path}/x`, token)).toBeNull();
		await job.done;
		// Done: the poll goes the usual way again (the session is checked in the database).
		expect(progressPoller(path, token)).toBeNull();
	});

	it('after sign-out the poll of a running import goes to the database again', async () => {
		const { db } = database();
		const token = 'session-token-signed-out';
		const me = { id: f.lead.id, roles: ['admin'] } as unknown as NonNullable<App.Locals['user']>;
		const job = startImport(db, f.lead.id, 'clienten', new Blob([clients(N, 'JS')]), {
			apply: false,
			fileName: 'clienten.csv',
			poller: { sessionToken: token, user: me }
		});
		const path = `/beheer/import/${job.id}/voortgang`;
		expect(progressPoller(path, token)).toBe(me);
		endImportPolls(f.lead.id);
		expect(progressPoller(path, token)).toBeNull();
		await job.done;
	});

	it('a dry run in the background writes nothing and reports what it would do', async () => {
		const { db } = database();
		const before = await count();
		const job = startImport(db, f.lead.id, 'clienten', new Blob([clients(N)]), {
			apply: false,
			fileName: 'clienten.csv'
		});
		await job.done;
		expect(importJob(job.id, f.lead.id)).toMatchObject({
			state: 'done',
			apply: false,
			report: { ok: true, applied: false, rows: N, created: 0, unchanged: N }
		});
		expect(await count()).toBe(before);
	});
});
