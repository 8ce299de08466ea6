import { expect, test, type Page, type Route } from '@playwright/test';
import postgres from 'postgres';
import { startAppServer, type AppServer } from './app-server';
import { startPgCluster, type PgCluster } from './pg-cluster';

// The client's offline queue on a bad link: 200 actions (step check-offs, survey answers,
// appointment change requests) made in the browser, every request to /api/client/actions
// passed through an interceptor that drops 30% of them (half before the server sees them,
// half after it applied them: the answer is lost) and sends 10% twice. Afterwards the
// database holds each action exactly once and the phone has nothing left to send.
// The dice are seeded: RESILIENCE_SEED=<n> replays a failing run.

const SEED = Number(process.env.RESILIENCE_SEED ?? 20260701);
const PG_PORT = 5447;
const APP_PORT = 4227;
const STEPS = 180;
const CHANGES = 12;
const SURVEYS = 8;

test.describe.configure({ mode: 'serial' });
// The interceptor must see every request the page makes, so no service worker in between.
test.use({ serviceWorkers: 'block' });

let cluster: PgCluster | undefined;
let app: AppServer | undefined;
let db: postgres.Sql | undefined;

test.beforeAll(async () => {
	test.setTimeout(90_000);
	cluster = startPgCluster(PG_PORT);
	const url = await cluster.createDatabase('wegwijs');
	app = await startAppServer({ port: APP_PORT, databaseUrl: url });
	db = postgres(url, { max: 2, onnotice: () => {} });
});

test.afterAll(async () => {
	await app?.kill('SIGKILL');
	await db?.end();
	cluster?.destroy();
});

/** mulberry32: a tiny seeded generator, so a run's drops and repeats can be replayed. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Drops 30% (half before, half after the server) and repeats 10% of the requests. */
function badLink(seed: number) {
	const dice = seeded(seed);
	const stats = { passed: 0, droppedBefore: 0, droppedAfter: 0, repeated: 0 };
	const handler = async (route: Route) => {
		const r = dice();
		try {
			if (r < 0.15) {
				stats.droppedBefore++;
				return await route.abort('connectionreset');
			}
			if (r < 0.3) {
				stats.droppedAfter++;
				await route.fetch();
				return await route.abort('connectionreset');
			}
			if (r < 0.4) {
				stats.repeated++;
				const [, second] = await Promise.all([route.fetch(), route.fetch()]);
				return await route.fulfill({ response: second });
			}
			stats.passed++;
			return await route.fulfill({ response: await route.fetch() });
		} catch {
			// The page navigated away while the request was on its way: that is a drop too.
			await route.abort('connectionreset').catch(() => undefined);
		}
	};
	return { handler, stats };
}

/** How many actions the phone still keeps (pending or refused), read from IndexedDB. */
function outboxSize(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const user = localStorage.getItem('wegwijs-last-user');
		const name = `wegwijs-user-${user}`;
		if (!user || !(await indexedDB.databases()).some((d) => d.name === name)) return -1;
		const idb = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		try {
			return await new Promise<number>((resolve, reject) => {
				const req = idb.transaction('outbox').objectStore('outbox').count();
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		} finally {
			idb.close();
		}
	});
}

// Failed in sessions 4 and 5 (ran out of its 240 s). Session 6 found and fixed three causes
// in the code (src/lib/offline/outbox.test.ts pins the first two): what was queued during a send
// run waited for the next wake-up; every sent action reloaded the page's data and every reload
// re-read the whole queue from IndexedDB, where a late read put sent or refused items back as
// pending; the reloads of a 185-step /plan ran back to back while the queue drained. After the
// fixes it passed three times in a row (111 s, 111 s, 76 s) on the shared 2-core machine at load
// average 12-17; at load 28-35 it still ran out of time (25-59 actions left at 240 s, against
// 127-142 before the fixes): the drain then runs at about one action a second.
test('200 actions over a link that drops 30% and repeats 10%: each stored exactly once', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	test.info().annotations.push({ type: 'seed', description: `RESILIENCE_SEED=${SEED}` });
	const sql = db!;

	// Enough to do for Lars: steps on his plan, appointments, open survey invitations.
	const [lars] = await sql`
		select u.id as user_id, c.id as client_id, p.id as plan_id,
			(select staff_id from appointment a where a.client_id = c.id limit 1) as staff_id
		from "user" u join client c on c.user_id = u.id
		join plan p on p.client_id = c.id and p.status <> 'draft'
		where u.demo_key = 'lars' order by p.version desc limit 1`;
	const steps = await sql`
		insert into plan_step (plan_id, position, title, owner)
		select ${lars!.plan_id}, 100 + n, 'R-stap ' || lpad(n::text, 3, '0'), 'client'
		from generate_series(1, ${STEPS}) n returning id, title`;
	const appointments = await sql`
		insert into appointment (client_id, staff_id, starts_at, ends_at, kind, purpose)
		select ${lars!.client_id}, ${lars!.staff_id}, now() + (n || ' days')::interval,
			now() + (n || ' days')::interval + interval '30 minutes', 'in_person', 'R-afspraak ' || n
		from generate_series(10, ${9 + CHANGES}) n returning id`;
	const invitations = await sql`
		insert into survey_invitation (client_id, survey_id, trigger, due_at)
		select ${lars!.client_id}, s.id, 'periodic', now() + interval '14 days'
		from generate_series(1, ${SURVEYS}),
			(select id from survey where trigger = 'periodic' and active order by version desc limit 1) s
		returning id`;
	// Answers wait in a holding table until enough have come in (#13): count both.
	const [responsesBefore] = await sql`select ((select count(*) from survey_response) +
		(select count(*) from survey_answer_held))::int as n`;
	const [keysBefore] = await sql`
		select count(*)::int as n from idempotency where user_id = ${lars!.user_id}`;

	const link = badLink(SEED);
	await context.route('**/api/client/actions', link.handler);

	// While the link is bad the queue stalls after each lost request until it is woken; a
	// phone wakes it on `online` and on Background Sync (which the worker relays as
	// FLUSH_OUTBOX). Here every page relays it every 200 ms.
	await context.addInitScript(() => {
		setInterval(() => {
			navigator.serviceWorker?.dispatchEvent(
				new MessageEvent('message', { data: { type: 'FLUSH_OUTBOX' } })
			);
		}, 200);
	});
	await page.goto(`${app!.origin}/login`);
	await page.locator('button[name="key"][value="lars"]').click();
	await page.waitForURL(`${app!.origin}/`);

	const t0 = Date.now();
	const lap = (what: string) =>
		test.info().annotations.push({ type: what, description: `${Date.now() - t0} ms` });
	// 1. Change requests, one appointment page after another (each a full page load: the
	// queue comes back from IndexedDB and goes on).
	for (const [i, a] of appointments.entries()) {
		await page.goto(`${app!.origin}/afspraken/${a.id}`);
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Waarom?').fill(`Ik moet dan werken (${i + 1}).`);
		await page.getByRole('button', { name: 'Verstuur' }).click();
		await expect(page.getByText(/Wordt verstuurd…|Je verzoek is verstuurd/).first()).toBeVisible();
	}

	lap('changes');
	// 2. Survey answers: first question answered, the rest skipped, then sent.
	for (const inv of invitations) {
		await page.goto(`${app!.origin}/vragenlijst/${inv.id}`);
		await page.waitForLoadState('networkidle');
		await page.getByRole('radio').first().check();
		await page.locator('button[value="next"]').click();
		for (let q = 2; q <= 7; q++) {
			await expect(page.getByText(`Vraag ${q} van 7`)).toBeVisible();
			await page.locator('button[value="skip"]').click();
		}
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Bedankt');
	}

	lap('surveys');
	// 3. Step check-offs on Mijn plan, tapped quickly one after another (the button's own
	// click, so each goes through the form's enhance into the queue).
	await page.goto(`${app!.origin}/plan`);
	await page.waitForLoadState('networkidle');
	// A page of 185 steps takes a while to hydrate on a busy machine; a tap before that is a
	// plain form post (the no-JavaScript path) and navigates away mid-way, which is what made
	// this journey fail after the #16/#19 merges. Tap only once the page says it is interactive.
	await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
	const tapped = await page.evaluate(
		async (titles) => {
			let n = 0;
			for (const title of titles) {
				const step = [...document.querySelectorAll('li.step')].find(
					(li) => li.querySelector('h3')?.textContent?.trim() === title
				);
				const form = step?.querySelector<HTMLFormElement>('form[action="?/step"]');
				const button = form?.querySelector<HTMLButtonElement>('button:not([type])');
				if (form?.querySelector<HTMLInputElement>('input[name="done"]')?.value !== 'true') continue;
				if (!button) continue;
				button.click();
				n++;
				await new Promise((r) => setTimeout(r, 25));
			}
			return n;
		},
		steps.map((s) => s.title as string)
	);
	expect(tapped).toBe(STEPS);

	lap('steps');
	// Everything drains: nothing pending or refused on the phone, nothing "wordt verstuurd".
	await expect.poll(() => outboxSize(page), { timeout: 150_000, intervals: [500] }).toBe(0);
	await expect(page.getByText('Wordt verstuurd…')).toHaveCount(0);
	lap('drained');
	test.info().annotations.push({ type: 'bad link', description: JSON.stringify(link.stats) });
	expect(link.stats.droppedBefore).toBeGreaterThan(10);
	expect(link.stats.droppedAfter).toBeGreaterThan(10);
	expect(link.stats.repeated).toBeGreaterThan(5);

	// The database holds each action exactly once.
	const [keysAfter] = await sql`
		select count(*)::int as n, count(*) filter (where status <> 200)::int as refused
		from idempotency where user_id = ${lars!.user_id}`;
	expect(keysAfter!.refused).toBe(0);
	// Survey answers keep no person in their key row (#13), so only steps and changes count here.
	expect(keysAfter!.n - keysBefore!.n).toBe(STEPS + CHANGES);
	const [stepsDone] = await sql`
		select count(*)::int as n from plan_step
		where id in ${sql(steps.map((s) => s.id as string))} and status = 'done'`;
	expect(stepsDone!.n).toBe(STEPS);
	const perAppointment = await sql`
		select a.id, count(r.id)::int as n from appointment a
		left join client_request r on r.appointment_id = a.id and r.kind = 'appointment_change'
		where a.id in ${sql(appointments.map((a) => a.id as string))} group by a.id`;
	expect(perAppointment.filter((r) => r.n !== 1)).toEqual([]);
	const [responsesAfter] = await sql`select ((select count(*) from survey_response) +
		(select count(*) from survey_answer_held))::int as n`;
	expect(responsesAfter!.n - responsesBefore!.n).toBe(SURVEYS);
	const [unanswered] = await sql`
		select count(*)::int as n from survey_invitation
		where id in ${sql(invitations.map((i) => i.id as string))} and answered_at is null`;
	expect(unanswered!.n).toBe(0);

	// And Mijn plan shows them done.
	await page.reload();
	await expect(page.getByText(`${STEPS + 1} van ${STEPS + 5} stappen klaar`)).toBeVisible();
});
