import { expect, test } from '@playwright/test';
import { demoSession, startAppServer, type AppServer } from './app-server';
import { startPgCluster, type PgCluster } from './pg-cluster';

// PostgreSQL goes down while the app serves requests, and comes back. The app must say so
// clearly (503, translated, page and JSON) instead of a 500 or a hang, and work again by
// itself once the database is back: no restart of the app. Our own throw-away cluster, so
// the shared server is never stopped.

const PG_PORT = 5443;
const APP_PORT = 4223;

let cluster: PgCluster | undefined;
let app: AppServer | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(90_000);
	cluster = startPgCluster(PG_PORT);
	const url = await cluster.createDatabase('wegwijs');
	app = await startAppServer({ port: APP_PORT, databaseUrl: url });
});

test.afterAll(async () => {
	await app?.kill('SIGKILL');
	cluster?.destroy();
});

interface Seen {
	path: string;
	status: number | 'error';
	ms: number;
}

async function timed(path: string, init: RequestInit = {}): Promise<Seen & { res?: Response }> {
	const t0 = Date.now();
	try {
		const res = await fetch(app!.origin + path, {
			...init,
			redirect: 'manual',
			signal: AbortSignal.timeout(15_000)
		});
		await res.clone().arrayBuffer();
		return { path, status: res.status, ms: Date.now() - t0, res };
	} catch {
		return { path, status: 'error', ms: Date.now() - t0 };
	}
}

test('PostgreSQL down: 503 with a clear translated message; back: works again by itself', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	const cookie = await demoSession(app!.origin, 'lars');
	const asLars = { headers: { cookie, 'accept-language': 'nl' } };
	expect((await timed('/plan', asLars)).status).toBe(200);

	// A steady stream of page, data and API requests all through the outage.
	const seen: Seen[] = [];
	let streaming = true;
	const stream = (async () => {
		const paths = ['/plan', '/afspraken', '/api/health', '/uitleg', '/plan/__data.json'];
		for (let i = 0; streaming; i++) {
			const r = await timed(paths[i % paths.length]!, asLars);
			seen.push({ path: r.path, status: r.status, ms: r.ms });
		}
	})();
	await new Promise((r) => setTimeout(r, 500));
	cluster!.stop();
	const downAt = Date.now();

	// A page: 503 with the message in the reader's language, never a bug report.
	const pageDown = await timed('/plan', asLars);
	expect(pageDown.status).toBe(503);
	expect(pageDown.res!.headers.get('content-type')).toContain('text/html');
	expect(await pageDown.res!.text()).toContain(
		'Wegwijs is even niet bereikbaar. Probeer het over een paar minuten opnieuw.'
	);
	const english = await timed('/login', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
	expect(english.status).toBe(503);
	expect(await english.res!.text()).toContain('Wegwijs is not available right now.');

	// JSON for the API, which the outbox reads as "keep it and send it later".
	const action = await timed('/api/client/actions', {
		method: 'POST',
		headers: {
			...asLars.headers,
			'content-type': 'application/json',
			'idempotency-key': 'resilience-pg-down-0001'
		},
		body: JSON.stringify({
			type: 'ask',
			instrumentId: '00000000-0000-4000-8000-000000000000',
			message: null
		})
	});
	expect(action.status).toBe(503);
	expect(await action.res!.json()).toMatchObject({
		ok: false,
		error: 'unavailable',
		message: 'Wegwijs is even niet bereikbaar. Probeer het over een paar minuten opnieuw.'
	});
	const health = await timed('/api/health');
	expect(health.status).toBe(503);
	expect(await health.res!.json()).toMatchObject({ ok: false, database: 'down' });

	// What a person sees in the browser.
	await context.addCookies([
		{ name: 'wegwijs_session', value: cookie.split('=')[1]!, url: app!.origin }
	]);
	const shown = await page.goto(`${app!.origin}/plan`);
	expect(shown!.status()).toBe(503);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Even niet bereikbaar');
	await expect(page.getByText('Wegwijs is even niet bereikbaar.')).toBeVisible();

	// Down for a while, then back: the app finds it without being restarted.
	await new Promise((r) => setTimeout(r, Math.max(0, 3_000 - (Date.now() - downAt))));
	cluster!.start();
	const upAt = Date.now();
	await expect
		.poll(async () => (await timed('/api/health')).status, { intervals: [100], timeout: 10_000 })
		.toBe(200);
	const recoveredMs = Date.now() - upAt;
	test.info().annotations.push({ type: 'recovered after', description: `${recoveredMs} ms` });
	expect(recoveredMs, 'time to recover').toBeLessThan(3_000);
	await new Promise((r) => setTimeout(r, 500));
	streaming = false;
	await stream;

	// Lars is still signed in (his session lives in the database) and his plan shows again.
	expect((await timed('/plan', asLars)).status).toBe(200);
	const reload = await page.goto(`${app!.origin}/plan`);
	expect(reload!.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn plan');

	// Throughout: only "fine" or "unavailable", never a 500, never a request left hanging.
	const statuses = [...new Set(seen.map((s) => s.status))].sort();
	expect(
		statuses,
		JSON.stringify(seen.filter((s) => s.status !== 200 && s.status !== 503))
	).toEqual([200, 503]);
	const slowest = seen.reduce((a, b) => (b.ms > a.ms ? b : a));
	expect(slowest.ms, `slowest: ${JSON.stringify(slowest)}`).toBeLessThan(3_000);
	expect(seen.filter((s) => s.status === 503).length).toBeGreaterThan(3);
	expect(app!.output()).not.toMatch(/DrizzleQueryError/);
});
