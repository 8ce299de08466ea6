// The benchmark's one large data set, bulk-inserted with generate_series (one statement per
// table, or a few chunks for the biggest), on PGlite and PostgreSQL alike: the demo dienst
// (its personas sign in), then at full scale 50,000 clients, 500 klantmanagers, a plan with
// four steps per client, 400,000 appointments, 100,000 instrument uses, outflow, ladder
// history and 1,000,000 anonymous survey answers. BENCH_SCALE=0.05 makes everything smaller.
// The one-row CTEs (`as materialized`) are computed once: inlined, PostgreSQL may re-run such an
// aggregate for every row of a nested loop (the clients took 341 s instead of 5 s that way).
import { and, asc, count, eq, ne, sql, inArray } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db/open';
import { client, user } from '../src/lib/server/db/schema';
import { seedContent } from '../src/lib/server/seed/content';
import { seedDemo } from '../src/lib/server/seed/demo';
import { rebuildTally } from '../src/lib/server/surveys/surveys';
import { quarterOfInstant, quartersEndingWith } from '../src/lib/quarters';

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

const FIRST = [
	'Anna',
	'Mohammed',
	'Fatima',
	'Jan',
	'Sanne',
	'Ahmed',
	'Olena',
	'Daan',
	'Yusuf',
	'Eva',
	'Ali',
	'Noor',
	'Kees',
	'Meryem',
	'Thomas',
	'Amina',
	'Lotte',
	'Hassan',
	'Iryna',
	'Bram',
	'Sara',
	'Omar',
	'Fleur',
	'Tesfay',
	'Mila',
	'Ibrahim',
	'Julia',
	'Hamid',
	'Roos',
	'Abdi',
	'Emma',
	'Reza',
	'Lieke',
	'Mustafa',
	'Sofia',
	'Dawit',
	'Anouk',
	'Karim',
	'Nina',
	'Zainab'
];
const LAST = [
	'de Vries',
	'Jansen',
	'El Amrani',
	'Bakker',
	'Yilmaz',
	'Visser',
	'Kovalenko',
	'Smit',
	'Haile',
	'Mulder',
	'Ahmadi',
	'de Boer',
	'Hussein',
	'Meijer',
	'Demir',
	'Bos',
	'Rahimi',
	'Vos',
	'Shevchenko',
	'Peters',
	'Tekle',
	'Hendriks',
	'Karimi',
	'van Dijk',
	'Abdullahi',
	'Dekker',
	'Öztürk',
	'Brouwer',
	'Mohamud',
	'de Graaf',
	'Aydın',
	'van Leeuwen',
	'Farah',
	'Kok',
	'Hosseini',
	'Willems',
	'Bondarenko',
	'Vermeulen',
	'Ghebremariam',
	'Koster'
];
const GOALS = [
	'Binnen een jaar betaald werk in de zorg',
	'Nederlands leren tot niveau B1 en daarna een opleiding',
	'Vrijwilligerswerk als eerste stap naar werk',
	'Schulden op orde en een vaste dagstructuur',
	'Een baan in de logistiek, eerst met een proefplaatsing'
];
const STEPS = [
	'Je cv bijwerken met de jobcoach',
	'Drie vacatures per week bekijken',
	'Gesprek bij het werkgeversservicepunt',
	'Aanmelden voor de taalcursus',
	'Je bankafschriften meenemen naar de schuldhulp',
	'Een dag meelopen bij een werkgever'
];
const PURPOSES = [
	'Voortgang van je plan bespreken',
	'Kennismaken met je nieuwe klantmanager',
	'Samen vacatures bekijken',
	'Je heronderzoek: wat is er veranderd?',
	'Afspraken over de taalcursus'
];

const list = (items: string[]) =>
	sql.raw(`array[${items.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`);

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
	const today = now.toISOString().slice(0, 10);
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

	const [{ n: demoKms } = { n: 0 }] = await db
		.select({ n: count() })
		.from(user)
		.where(sql`'klantmanager' = any(${user.roles})`);
	const newKms = Math.max(0, size.klantmanagers - demoKms);
	const [{ n: demoClients } = { n: 0 }] = await db.select({ n: count() }).from(client);
	const newClients = Math.max(0, size.clients - demoClients);
	const teams = Math.max(1, Math.round(newKms / 20));

	await step(`${newKms} klantmanagers in ${teams} teams`, async () => {
		await db.execute(sql`
			insert into team (name) select 'Bench team ' || g from generate_series(1, ${teams}::int) g`);
		await db.execute(sql`
			with t as materialized (select array_agg(id order by name) a from team where name like 'Bench team %')
			insert into "user" (display_name, email, roles, team_id, phone, reachable_hours)
			select (${list(FIRST)})[1 + g % 40] || ' ' || (${list(LAST)})[1 + (g / 40) % 40] || ' (km)',
				'km' || g || '@bench.example', '{klantmanager}', t.a[1 + g % array_length(t.a, 1)],
				'0314 ' || lpad((g * 7919 % 1000000)::text, 6, '0'), 'ma–do 9.00–12.00'
			from generate_series(1, ${newKms}::int) g, t`);
		await db.execute(sql`
			update team set lead_user_id = (select min(u.id::text)::uuid from "user" u
				where u.team_id = team.id) where name like 'Bench team %'`);
	});

	await step(`${newClients} clients`, async () => {
		await db.execute(sql`
			insert into "user" (display_name, roles, language, created_at)
			select (${list(FIRST)})[1 + g % 40] || ' ' || (${list(LAST)})[1 + (g / 40) % 40] || ' ' || g,
				'{client}', (array['nl','nl','nl','nl','nl','ar','en','uk','tr','ti'])[1 + g % 10],
				${today}::date - (g % 3000)
			from generate_series(1, ${newClients}::int) g`);
		await db.execute(sql`
			with m as materialized (select array_agg(id order by code) a from gemeente),
				k as materialized (select array_agg(id order by email) a from "user"
					where 'klantmanager' = any(roles) and email like '%@bench.example'),
				u as (select id, created_at, (row_number() over (order by id))::int g from "user"
					where roles = '{client}' and demo_key is null and created_at is not null
						and not exists (select 1 from client c where c.user_id = "user".id))
			insert into client (user_id, client_number, gemeente_id, klantmanager_id, segment,
				birth_date, benefit_start, statushouder, ladder_step, applications_per_week)
			select u.id, 'B-' || lpad(u.g::text, 6, '0'), m.a[1 + u.g % 3],
				k.a[1 + u.g % array_length(k.a, 1)],
				(array['werk', 'perspectief', 'meedoen', null])[1 + (u.g / 3) % 4],
				date '1960-01-01' + (abs(hashint4(u.g::int)) % 15000),
				u.created_at::date, u.g % 6 = 0, 1 + abs(hashint4(u.g::int + 1)) % 6,
				case when u.g % 4 = 0 then 2 end
			from u, m, k`);
	});

	await step(`a plan with 4 steps per bench client`, async () => {
		await db.execute(sql`
			insert into plan (client_id, goal, status, version, shared_at, agreed_at, agreed_version,
				review_date, updated_at)
			select c.id, (${list(GOALS)})[1 + n % 5],
				(array['agreed', 'agreed', 'agreed', 'shared', 'draft'])[1 + n % 5],
				1 + n % 3,
				case when n % 5 < 4 then ${today}::date - 30 - n % 300 end,
				case when n % 5 < 3 then ${today}::date - 20 - n % 300 end,
				case when n % 5 < 3 then 1 + n % 3 end,
				${today}::date + 30 + n % 150, ${today}::date - n % 300
			from (select id, (row_number() over (order by client_number))::int n from client
				where client_number like 'B-%') c`);
		await db.execute(sql`
			insert into plan_step (plan_id, position, title, owner, due_date, status, done_at)
			select p.id, s, (${list(STEPS)})[1 + (p.n + s) % 6],
				(array['client', 'client', 'klantmanager', 'partner'])[s],
				${today}::date - 60 + (p.n * 7 + s * 23) % 150,
				case when (p.n * 7 + s * 23) % 150 < 60 and (p.n + s) % 3 <> 0 then 'done' else 'todo' end,
				case when (p.n * 7 + s * 23) % 150 < 60 and (p.n + s) % 3 <> 0
					then ${today}::date - 60 + (p.n * 7 + s * 23) % 150 end
			from (select plan.id, (row_number() over (order by plan.id))::int n from plan
				join client on client.id = plan.client_id where client.client_number like 'B-%') p,
				generate_series(1, 4) s`);
	});

	await step(`${size.appointments} appointments`, async () => {
		const chunk = 100_000;
		for (let from = 0; from < size.appointments; from += chunk) {
			const to = Math.min(size.appointments, from + chunk);
			await db.execute(sql`
				with c as materialized (select array_agg(id order by client_number) ids,
						array_agg(klantmanager_id order by client_number) kms
					from client where client_number like 'B-%'),
					a as (select g, c.ids[1 + g % array_length(c.ids, 1)] client_id,
						c.kms[1 + g % array_length(c.ids, 1)] staff_id,
						(${today}::date + ((g / array_length(c.ids, 1)) * 90 - 600 + g % 60)
							+ time '08:00' + (g % 8) * interval '1 hour') at time zone 'Europe/Amsterdam' starts_at
					from generate_series(${from + 1}::int, ${to}::int) g, c)
				insert into appointment (client_id, staff_id, starts_at, ends_at, kind, place, purpose,
					bring, status)
				select client_id, staff_id, starts_at, starts_at + interval '45 minutes',
					(array['in_person', 'in_person', 'phone', 'video', 'home_visit'])[1 + g % 5],
					case when g % 5 in (0, 1) then 'Sociale dienst, Marktplein 1, Lindewaard' end,
					(${list(PURPOSES)})[1 + g % 5],
					case when g % 3 = 0 then 'Je legitimatiebewijs' end,
					case when starts_at > ${now.toISOString()}::timestamptz then 'planned'
						else (array['held', 'held', 'held', 'held', 'held', 'held', 'cancelled', 'no_show'])[1 + g % 8] end
				from a`);
			log(`    appointments ${to}/${size.appointments}`);
		}
	});

	await step(`${size.instrumentUses} instrument uses, outflow, ladder steps`, async () => {
		await db.execute(sql`
			with c as materialized (select array_agg(id) a from client where client_number like 'B-%'),
				i as materialized (select array_agg(id) a from instrument)
			insert into instrument_use (client_id, instrument_id, start_date, planned_end_date,
				end_date, outcome)
			select c.a[1 + g % array_length(c.a, 1)], i.a[1 + (g * 7) % array_length(i.a, 1)],
				${today}::date - (g % 1000), ${today}::date - (g % 1000) + 180,
				case when g % 4 = 0 then null else ${today}::date - (g % 1000) + 60 + g % 200 end,
				case when g % 4 = 0 then null
					else (array['completed', 'completed', 'stopped_early', 'work_found', 'other'])[1 + g % 5] end
			from generate_series(1, ${size.instrumentUses}::int) g, c, i`);
		await db.execute(sql`update instrument_use set end_date = null, outcome = null
			where end_date > ${today}::date`);
		await db.execute(sql`
			insert into outflow (client_id, benefit_start, date, reason)
			select id, benefit_start, least(${today}::date, benefit_start + 30 + abs(hashtext(id::text)) % 900),
				(array['werk', 'werk_lks', 'opleiding', 'verhuizing', 'andere_uitkering', 'other'])
					[1 + abs(hashtext(id::text || 'r')) % 6]
			from client where client_number like 'B-%' and abs(hashtext(id::text)) % 6 = 0`);
		await db.execute(sql`
			insert into ladder_step (client_id, step, recorded_at)
			select id, greatest(1, ladder_step - 1), benefit_start from client where client_number like 'B-%'
			union all
			select id, ladder_step, ${today}::date - 30 from client where client_number like 'B-%'`);
	});

	await step(`${size.answers} survey answers`, async () => {
		const quarters = quartersEndingWith(quarterOfInstant(now), 8);
		const q = list(quarters);
		const v = (k: number) => sql.raw(`(abs(hashint4(g * 13 + ${k})) % 6)`);
		// Chunks keep PGlite's memory flat; PostgreSQL does not mind either way.
		const chunk = 250_000;
		for (let from = 0; from < size.answers; from += chunk) {
			const to = Math.min(size.answers, from + chunk);
			await db.execute(sql`
				with m as materialized (select array_agg(id order by code) a from gemeente),
					i as materialized (select array_agg(id) a from instrument),
					s as materialized (select array_agg(id order by trigger) a from survey where active)
				insert into survey_response (gemeente_id, quarter, segment, instrument_id, trigger,
					language, survey_id, answers, late)
				select m.a[1 + g % 3], (${q})[1 + (g / 7) % 8],
					(array['werk', 'perspectief', 'meedoen', null])[1 + (g / 3) % 4],
					case when g % 5 = 1 then i.a[1 + (g / 11) % array_length(i.a, 1)] end,
					(array['appointment', 'instrument_end', 'periodic', 'appointment', 'periodic'])[1 + g % 5],
					(array['nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'ar', 'en'])[1 + (g / 5) % 10],
					s.a[case g % 5 when 1 then 2 when 2 then 3 when 4 then 3 else 1 end],
					case when g % 5 in (2, 4) then jsonb_build_object('serious', ${v(1)}, 'together', ${v(2)},
							'fits', ${v(3)}, 'closer', ${v(4)}, 'rights', ${v(5)}, 'grade', 1 + abs(hashint4(g)) % 10)
						when g % 5 = 1 then jsonb_build_object('serious', ${v(1)}, 'together', ${v(2)},
							'easy', ${v(6)}, 'fits', ${v(3)}, 'closer', ${v(4)})
						else jsonb_build_object('serious', ${v(1)}, 'together', ${v(2)}, 'easy', ${v(6)}) end,
					g % 50 = 0
				from generate_series(${from + 1}::int, ${to}::int) g, m, i, s`);
			log(`    answers ${to}/${size.answers}`);
		}
	});

	await step('survey tally', () => rebuildTally(db));
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

/** The demo klantmanager Sanne gets exactly CASELOAD clients, taken from the bench clients. */
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
		.where(and(ne(client.klantmanagerId, sanne!.id), sql`${client.clientNumber} like 'B-%'`))
		.orderBy(asc(client.clientNumber))
		.limit(CASELOAD - own);
	const ids = others.map((o) => o.id);
	await db.update(client).set({ klantmanagerId: sanne!.id }).where(inArray(client.id, ids));
	await db.execute(sql`update appointment set staff_id = ${sanne!.id}
		where client_id in (select id from client where klantmanager_id = ${sanne!.id})
			and staff_id <> ${sanne!.id}`);
}
