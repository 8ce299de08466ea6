import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { demoSession, startAppServer, type AppServer } from './app-server';
import { startPgCluster, type PgCluster } from './pg-cluster';

// Two Wegwijs processes on different ports against one PostgreSQL, as behind a load
// balancer: both start at the same moment on an empty database, share sessions, apply an
// Idempotency-Key once between them, and their timers do not send a reminder twice.

const PG_PORT = 5446;
const PORTS = [4225, 4226] as const;

let cluster: PgCluster | undefined;
let dbUrl = '';
let apps: AppServer[] = [];
let db: postgres.Sql | undefined;

test.describe.configure({ mode: 'serial' });

const startBoth = () =>
	Promise.all(PORTS.map((port) => startAppServer({ port, databaseUrl: dbUrl })));

test.beforeAll(async () => {
	test.setTimeout(120_000);
	cluster = startPgCluster(PG_PORT);
	dbUrl = await cluster.createDatabase('wegwijs');
	db = postgres(dbUrl, { max: 2, onnotice: () => {} });
});

test.afterAll(async () => {
	await Promise.all(apps.map((a) => a.kill('SIGKILL')));
	await db?.end();
	cluster?.destroy();
});

test('two processes starting at once on an empty database migrate and seed it once', async () => {
	test.setTimeout(120_000);
	apps = await startBoth();
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
		entries: unknown[];
	};
	const [migrations] = await db!`
		select count(*)::int as n, count(distinct hash)::int as distinct_n
		from drizzle.__drizzle_migrations`;
	expect(migrations).toEqual({ n: journal.entries.length, distinct_n: journal.entries.length });
	const doubled = await db!`
		select demo_key from "user" where demo_key is not null group by demo_key having count(*) > 1`;
	expect(doubled).toEqual([]);
	const [people] = await db!`select count(*)::int as n from "user" where demo_key = 'lars'`;
	expect(people!.n).toBe(1);
	const [surveys] = await db!`
		select count(*)::int as n, count(distinct (trigger, version))::int as distinct_n from survey`;
	expect(surveys!.n).toBe(surveys!.distinct_n);
	for (const app of apps) expect(app.output()).not.toMatch(/error/i);
});

test('a session made on one process is valid on the other, and signing out ends it on both', async () => {
	const [a, b] = apps as [AppServer, AppServer];
	const cookie = await demoSession(a.origin, 'lars');
	const onB = await fetch(`${b.origin}/plan`, { headers: { cookie }, redirect: 'manual' });
	expect(onB.status).toBe(200);
	expect(await onB.text()).toContain('Je loonstrook van vorige maand');

	// As the sign-out button posts it: an (empty) form.
	const out = await fetch(`${b.origin}/logout`, {
		method: 'POST',
		headers: { cookie, origin: b.origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: '',
		redirect: 'manual'
	});
	expect(out.status).toBe(303);
	const onA = await fetch(`${a.origin}/plan`, { headers: { cookie }, redirect: 'manual' });
	expect(onA.status).toBe(303);
	expect(onA.headers.get('location')).toMatch(/^\/login/);
});

test('the same Idempotency-Key sent to both processes at once is applied once', async () => {
	const [a, b] = apps as [AppServer, AppServer];
	const cookie = await demoSession(a.origin, 'lars');
	// Five open survey invitations for Lars: a survey answered twice would be refused (409).
	const [lars] = await db!`
		select c.id from client c join "user" u on u.id = c.user_id where u.demo_key = 'lars'`;
	const [periodic] = await db!`
		select id, items from survey where trigger = 'periodic' and active order by version desc limit 1`;
	const item = (periodic!.items as { code: string; type: string }[]).find(
		(i) => i.type === 'agree5'
	)!;
	const invitations = await db!`
		insert into survey_invitation (client_id, survey_id, trigger, due_at)
		select ${lars!.id}, ${periodic!.id}, 'periodic', now() + interval '14 days'
		from generate_series(1, 5) returning id`;
	// Answers wait in a holding table until enough have come in (#13): count both.
	const [before] = await db!`select ((select count(*) from survey_response) +
		(select count(*) from survey_answer_held))::int as n`;

	for (const inv of invitations) {
		const key = randomUUID().replaceAll('-', '');
		const send = (app: AppServer) =>
			fetch(`${app.origin}/api/client/actions`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json', 'idempotency-key': key },
				body: JSON.stringify({
					type: 'survey',
					invitationId: inv.id,
					answers: { [item.code]: 4 },
					language: 'nl'
				})
			}).then(async (r) => ({
				status: r.status,
				replayed: r.headers.get('idempotent-replayed') === 'true',
				body: await r.json()
			}));
		const answers = await Promise.all([a, b, a, b, a, b].map(send));
		expect(answers.map((x) => x.status)).toEqual([200, 200, 200, 200, 200, 200]);
		expect(answers.filter((x) => !x.replayed)).toHaveLength(1);
		expect(new Set(answers.map((x) => JSON.stringify(x.body))).size).toBe(1);
	}
	const [after] = await db!`select ((select count(*) from survey_response) +
		(select count(*) from survey_answer_held))::int as n`;
	expect(after!.n - before!.n).toBe(invitations.length);
	const [open] = await db!`
		select count(*)::int as n from survey_invitation
		where id in ${db!(invitations.map((i) => i.id as string))} and answered_at is null`;
	expect(open!.n).toBe(0);
});

test('both processes run the reminder timer; a client gets one reminder per appointment', async () => {
	test.setTimeout(120_000);
	// Three appointments tomorrow at noon (Amsterdam), then both processes start at once:
	// each runs the reminder job at start.
	const tomorrowNoon = await db!`
		select ((date_trunc('day', now() at time zone 'Europe/Amsterdam') + interval '1 day 12 hours')
			at time zone 'Europe/Amsterdam') as t`;
	const [lars] = await db!`
		select c.id as client_id, a.staff_id from client c join "user" u on u.id = c.user_id
		join appointment a on a.client_id = c.id where u.demo_key = 'lars' limit 1`;
	const made = await db!`
		insert into appointment (client_id, staff_id, starts_at, ends_at, kind, purpose)
		select ${lars!.client_id}, ${lars!.staff_id}, ${tomorrowNoon[0]!.t}::timestamptz + (n || ' hours')::interval,
			${tomorrowNoon[0]!.t}::timestamptz + (n || ' hours')::interval + interval '30 minutes',
			'in_person', 'Resilience test ' || n
		from generate_series(0, 2) n returning id`;
	await Promise.all(apps.map((app) => app.kill('SIGTERM')));
	apps = await startBoth();
	const ids = made.map((m) => m.id as string);
	await expect
		.poll(
			async () =>
				(
					await db!`select count(*)::int as n from appointment_reminder
						where appointment_id in ${db!(ids)}`
				)[0]!.n,
			{ timeout: 15_000 }
		)
		.toBe(3);
	// Give the slower process time to try too, then count what Lars received.
	await new Promise((r) => setTimeout(r, 1_000));
	const sent = await db!`
		select n.payload->>'link' as link, n.channel, count(*)::int as n from notification n
		where n.kind = 'appointmentReminder'
			and n.payload->>'link' in ${db!(ids.map((id) => `/afspraken/${id}`))}
		group by 1, 2`;
	expect(sent.filter((s) => s.channel === 'inbox')).toHaveLength(3);
	expect(sent.filter((s) => s.n !== 1)).toEqual([]);
});

test('the sign-in limit counts failures on both processes together', async () => {
	const [a, b] = apps as [AppServer, AppServer];
	const attempt = (app: AppServer) =>
		fetch(`${app.origin}/login?/password`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: app.origin,
				// As the enhanced form sends it: the answer is JSON with the action's status.
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ identifier: 'WW-100005', password: 'not-the-password' })
		})
			.then((r) => r.json())
			.then((j: { status?: number }) => j.status);
	// Five wrong passwords spread over the two processes, then the sixth is refused on either.
	const five = [];
	for (const app of [a, b, a, b, a]) five.push(await attempt(app));
	expect(five).toEqual([400, 400, 400, 400, 400]);
	expect(await attempt(b)).toBe(429);
	expect(await attempt(a)).toBe(429);
});
