// Council report generation with 1,000,000 survey answers and 100,000 instrument uses, on
// PGlite and PostgreSQL. The data is bulk-inserted with generate_series (seconds, not hours);
// the report is then built the way /rapportage builds it, and timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/open';
import { seedDemo } from '../src/lib/server/db/seed/demo';
import { rebuildTally } from '../src/lib/server/domain/surveys';
import { buildReport } from '../src/lib/server/domain/report';
import { quarterOfInstant, quartersEndingWith } from '../src/lib/quarters';
import type { Db } from '../src/lib/server/db/open';

export interface ReportBenchResult {
	kind: 'pglite' | 'postgres';
	answers: number;
	instrumentUses: number;
	seedSeconds: number;
	runs: { name: string; p50: number; p95: number; max: number }[];
}

const CLIENTS = 40_000;

async function count(db: Db, table: string): Promise<number> {
	const r: unknown = await db.execute(sql.raw(`select count(*)::int as n from "${table}"`));
	const list = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { n: number }[];
	return list[0]!.n;
}

/** Bulk data: clients, instrument uses, outflow, ladder steps and anonymous answers. */
export async function seedBulk(db: Db, answers: number, uses: number, now: Date): Promise<void> {
	await seedDemo(db, { now });
	const quarters = quartersEndingWith(quarterOfInstant(now), 8);
	const q = sql.raw(`array[${quarters.map((x) => `'${x}'`).join(',')}]`);
	await db.execute(sql`
		insert into "user" (display_name, roles)
		select 'Bench ' || g, '{client}' from generate_series(1, ${CLIENTS}) g`);
	await db.execute(sql`
		with m as (select array_agg(id order by code) a from municipality)
		insert into client (user_id, client_number, municipality_id, segment, birth_date,
			benefit_start, statushouder, ladder_step)
		select u.id, 'B-' || substr(u.display_name, 7), m.a[1 + (abs(hashtext(u.display_name)) % 3)],
			(array['werk', 'perspectief', 'meedoen', null])[1 + (abs(hashtext(u.display_name || 's')) % 4)],
			date '1960-01-01' + (abs(hashtext(u.display_name || 'b')) % 15000),
			${now.toISOString().slice(0, 10)}::date - (abs(hashtext(u.display_name || 'd')) % 3000),
			abs(hashtext(u.display_name || 'h')) % 6 = 0, 1 + abs(hashtext(u.display_name || 'l')) % 6
		from "user" u, m where u.display_name like 'Bench %'`);
	await db.execute(sql`
		with c as (select array_agg(id) a from client where client_number like 'B-%'),
			i as (select array_agg(id) a from instrument)
		insert into instrument_use (client_id, instrument_id, start_date, end_date, outcome)
		select c.a[1 + g % array_length(c.a, 1)], i.a[1 + (g * 7) % array_length(i.a, 1)],
			${now.toISOString().slice(0, 10)}::date - (g % 1000),
			case when g % 4 = 0 then null
				else ${now.toISOString().slice(0, 10)}::date - (g % 1000) + 60 + g % 200 end,
			case when g % 4 = 0 then null
				else (array['completed', 'completed', 'stopped_early', 'work_found', 'other'])[1 + g % 5] end
		from generate_series(1, ${uses}) g, c, i`);
	await db.execute(sql`update instrument_use set end_date = null, outcome = null
		where end_date > ${now.toISOString().slice(0, 10)}::date`);
	await db.execute(sql`
		insert into outflow (client_id, benefit_start, date, reason)
		select id, benefit_start, least(${now.toISOString().slice(0, 10)}::date,
				benefit_start + 30 + abs(hashtext(id::text)) % 900),
			(array['werk', 'werk_lks', 'opleiding', 'verhuizing', 'andere_uitkering', 'other'])
				[1 + abs(hashtext(id::text || 'r')) % 6]
		from client where client_number like 'B-%' and abs(hashtext(id::text)) % 6 = 0`);
	await db.execute(sql`
		insert into ladder_step (client_id, step, recorded_at)
		select id, greatest(1, ladder_step - 1), benefit_start from client where client_number like 'B-%'
		union all
		select id, ladder_step, ${now.toISOString().slice(0, 10)}::date - 30 from client
		where client_number like 'B-%'`);
	// Answer sets: values 1–5 (0 = weet ik niet) and a grade for the periodic survey.
	const v = (k: number) => sql.raw(`(abs(hashint4(g * 13 + ${k})) % 6)`);
	await db.execute(sql`
		with m as (select array_agg(id order by code) a from municipality),
			i as (select array_agg(id) a from instrument),
			s as (select array_agg(id order by trigger) a from survey where active)
		insert into survey_response (municipality_id, quarter, segment, instrument_id, trigger,
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
		from generate_series(1, ${answers}) g, m, i, s`);
	await rebuildTally(db);
	await db.execute(sql`analyze`);
}

async function time(fn: () => Promise<unknown>, runs: number) {
	for (let i = 0; i < 3; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return {
		p50: times[Math.floor(times.length / 2)]!,
		p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
		max: times[times.length - 1]!
	};
}

export async function benchReport(
	kind: 'pglite' | 'postgres',
	opts: { url?: string; answers?: number; uses?: number; runs?: number } = {}
): Promise<ReportBenchResult> {
	const answers = opts.answers ?? 1_000_000;
	const uses = opts.uses ?? 100_000;
	const dir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'wegwijs-report-')) : null;
	let database: Database | undefined;
	try {
		database = await openDatabase(opts.url ? { url: opts.url } : { dataDir: dir! });
		const { db } = database;
		const now = new Date();
		const started = performance.now();
		console.error(`[${kind}] bulk-inserting ${answers} answers and ${uses} instrument uses…`);
		await seedBulk(db, answers, uses, now);
		const seedSeconds = (performance.now() - started) / 1000;
		const n = await count(db, 'survey_response');
		const u = await count(db, 'instrument_use');
		const quarter = quarterOfInstant(now);
		console.error(`[${kind}] timing the report…`);
		const runs = [];
		for (const [name, query] of [
			['one quarter, one gemeente', { quarter, period: 'quarter', gemeente: 'lindewaard' }],
			['four quarters, one gemeente', { quarter, period: 'year', gemeente: 'lindewaard' }],
			['one quarter, all gemeenten', { quarter, period: 'quarter', gemeente: null }]
		] as const) {
			runs.push({ name, ...(await time(() => buildReport(db, query, now), opts.runs ?? 20)) });
		}
		return { kind, answers: n, instrumentUses: u, seedSeconds, runs };
	} finally {
		await database?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}
