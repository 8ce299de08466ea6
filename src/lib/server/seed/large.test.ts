import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/integration/databases';
import {
	client,
	handhaving,
	MAATREGEL_GROUNDS,
	outflow,
	surveyResponse,
	surveyText,
	user
} from '../db/schema';
import { PERCENTAGE_BANDS, percentageBand } from '../report/handhaving';
import { MAX_AMOUNT_CENTS } from '../handhaving/handhaving-rules';
import { quarterOfDay, quartersEndingWith } from '../../quarters';
import { seedDemo } from './demo';
import { caseloads, mulberry32, Rng, seedLarge } from './large';
import { invitationPairsTooClose } from './generate/invitation-spacing';

/** PGlite returns { rows }, postgres.js an array. */
function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe('random helpers', () => {
	it('repeats the same sequence for the same seed', () => {
		const a = mulberry32(7);
		const b = mulberry32(7);
		const xs = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
		for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
	});
	it('spreads clients over klantmanagers in caseloads of 70 to 200', () => {
		const counts = caseloads(new Rng(1), 100, 10_000);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
		expect(Math.min(...counts)).toBeGreaterThanOrEqual(65);
		expect(Math.max(...counts)).toBeLessThanOrEqual(200);
	});
});

describeEachDatabase('seedLarge', (get) => {
	const now = new Date('2026-05-13T08:00:00Z');

	it('adds the requested number of clients on top of the demo data', async () => {
		const { db } = get();
		await seedDemo(db, { now });
		const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(client);
		const stages = new Set<string>();
		const result = await seedLarge(db, {
			clients: 500,
			seed: 3,
			now,
			chunkSize: 200,
			onProgress: (_done, _total, stage) => stages.add(stage)
		});
		expect(result.clients).toBe(500);
		expect(result.klantmanagers).toBe(5);
		expect(result.appointments).toBe(1500);
		expect(result.surveyResponses).toBe(400);
		expect(stages.size).toBeGreaterThanOrEqual(2);
		const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(client);
		expect(after!.n - before!.n).toBe(500);
		// Besluiten (issue #13 §7) for some of them, each on the benefit and not in the future
		// (on or after the first benefit period's start: a re-entered client's row has the new one).
		const besluiten = await db
			.select({
				h: handhaving,
				benefitStart: sql<string>`coalesce((select min(p.start)::text from benefit_period p
					where p.client_id = ${client.id}), ${client.benefitStart}::text)`
			})
			.from(handhaving)
			.innerJoin(client, eq(client.id, handhaving.clientId))
			.where(sql`${client.clientNumber} >= 'WW-200001'`);
		expect(result.handhaving).toBe(besluiten.length);
		expect(besluiten.length).toBeGreaterThan(10);
		expect(new Set(besluiten.map((b) => b.h.kind))).toEqual(
			new Set(['maatregel', 'boete', 'terugvordering'])
		);
		for (const b of besluiten) {
			expect(b.h.decidedOn >= b.benefitStart).toBe(true);
			expect(b.h.decidedOn <= '2026-05-13').toBe(true);
		}
	}, 120_000);

	it('gives besluiten of every ground and percentage band, boetes and terugvorderingen with amounts, over the quarters', async () => {
		const { db } = get();
		const rows = await db
			.select({ h: handhaving })
			.from(handhaving)
			.innerJoin(client, eq(client.id, handhaving.clientId))
			.where(sql`${client.clientNumber} >= 'WW-200001'`);
		const of = (kind: string) => rows.map((r) => r.h).filter((h) => h.kind === kind);
		const maatregelen = of('maatregel');
		expect(new Set(maatregelen.map((h) => h.ground))).toEqual(new Set(MAATREGEL_GROUNDS));
		// A written warning without lowering (0%) too: every band of the report has besluiten.
		expect(new Set(maatregelen.map((h) => percentageBand(h.percentage!)))).toEqual(
			new Set(PERCENTAGE_BANDS)
		);
		for (const h of maatregelen) {
			expect(Number.isInteger(h.percentage)).toBe(true);
			expect(h.periodStart! > h.decidedOn).toBe(true);
			expect(h.periodEnd! >= h.periodStart!).toBe(true);
			expect(h.amountCents).toBeNull();
		}
		for (const kind of ['boete', 'terugvordering']) {
			const list = of(kind);
			expect(list.length, kind).toBeGreaterThan(10);
			for (const h of list) {
				expect(h.ground).toBeNull();
				expect(h.amountCents! >= 1 && h.amountCents! <= MAX_AMOUNT_CENTS).toBe(true);
			}
		}
		// Some terugvorderingen of tens of thousands of euros (a long period not passed on).
		expect(of('terugvordering').some((h) => h.amountCents! >= 10_000_00)).toBe(true);
		// Spread over the quarters: besluiten in each of the eight before this one.
		const quarters = new Set(rows.map((r) => quarterOfDay(r.h.decidedOn)));
		for (const q of quartersEndingWith('2026-Q1', 8)) expect(quarters.has(q), q).toBe(true);
	});

	it('follows the segment shares of docs/DOMAIN.md', async () => {
		const { db } = get();
		const rows = await db
			.select({ segment: client.segment, n: sql<number>`count(*)::int` })
			.from(client)
			.where(sql`${client.clientNumber} >= 'WW-200001'`)
			.groupBy(client.segment);
		const total = rows.reduce((a, r) => a + r.n, 0);
		const share = (s: string | null) => (rows.find((r) => r.segment === s)?.n ?? 0) / total;
		expect(total).toBe(500);
		expect(share('werk')).toBeCloseTo(0.17, 1);
		expect(Math.abs(share('perspectief') - 0.36)).toBeLessThan(0.06);
		expect(Math.abs(share('meedoen') - 0.4)).toBeLessThan(0.06);
		expect(Math.abs(share(null) - 0.07)).toBeLessThan(0.04);

		const [stats] = await db
			.select({
				statushouders: sql<number>`avg(case when ${client.statushouder} then 1.0 else 0 end)::float`,
				older: sql<number>`avg(case when ${client.birthDate} <= '1981-05-13' then 1.0 else 0 end)::float`
			})
			.from(client)
			.where(sql`${client.clientNumber} >= 'WW-200001'`);
		expect(Math.abs(stats!.statushouders - 1 / 6)).toBeLessThan(0.05);
		expect(Math.abs(stats!.older - 0.5)).toBeLessThan(0.07);
	});

	it('keeps caseloads separate and every client with a klantmanager', async () => {
		const { db } = get();
		const rows = await db
			.select({ km: client.klantmanagerId, n: sql<number>`count(*)::int` })
			.from(client)
			.innerJoin(user, eq(user.id, client.klantmanagerId))
			.where(sql`${user.email} like 'klantmanager.%'`)
			.groupBy(client.klantmanagerId);
		expect(rows.reduce((a, r) => a + r.n, 0)).toBe(500);
		for (const r of rows) expect(r.n).toBeGreaterThan(50);
	});

	it('stores survey answers without anything that points to a client', async () => {
		const { db } = get();
		const names = rowsOf<{ column_name: string }>(
			await db.execute(
				sql`select column_name from information_schema.columns where table_name = 'survey_response'`
			)
		);
		expect(names.length).toBeGreaterThan(5);
		for (const c of names) expect(c.column_name).not.toMatch(/client|user|invitation|person/);
		const targets = rowsOf<{ target: string }>(
			await db.execute(sql`
			select ccu.table_name as target
			from information_schema.table_constraints tc
			join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
			where tc.table_name = 'survey_response' and tc.constraint_type = 'FOREIGN KEY'`)
		);
		expect(targets.map((t) => t.target)).not.toContain('client');
		expect(targets.map((t) => t.target)).not.toContain('user');

		const answers = await db
			.select({ a: surveyResponse.answers, q: surveyResponse.quarter })
			.from(surveyResponse);
		// 900 answer sets come with the demo history, 400 from this run.
		expect(answers.length).toBe(900 + 400);
		for (const { a, q } of answers) {
			expect(q).toMatch(/^\d{4}-Q[1-4]$/);
			for (const [code, v] of Object.entries(a)) {
				if (code === 'grade') expect(v >= 1 && v <= 10).toBe(true);
				else expect(v >= 0 && v <= 5).toBe(true);
			}
		}
	});

	it('records at most one outflow per client, around 15% of clients', async () => {
		const { db } = get();
		const dupes = await db
			.select({ id: outflow.clientId })
			.from(outflow)
			.groupBy(outflow.clientId)
			.having(sql`count(*) > 1`);
		expect(dupes).toEqual([]);
		const [row] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(outflow)
			.innerJoin(client, eq(client.id, outflow.clientId))
			.where(sql`${client.clientNumber} >= 'WW-200001'`);
		expect(row!.n / 500).toBeGreaterThan(0.08);
		expect(row!.n / 500).toBeLessThan(0.22);
	});

	it('writes an invitation for every answer set and unanswered ones beside them', async () => {
		const { db } = get();
		// Per gemeente, answer quarter and survey: the generated clients' answered invitations,
		// and the answer sets there (the demo's own come with its own invitations).
		const groups = rowsOf<{ invited: number; answers: number }>(
			await db.execute(sql`
			with i as (select c.gemeente_id, s.survey_id,
						to_char(s.answered_at at time zone 'Europe/Amsterdam', 'YYYY"-Q"Q') as quarter,
						count(*)::int as n
					from survey_invitation s join client c on c.id = s.client_id
					where s.answered_at is not null and c.client_number >= 'WW-200001'
					group by 1, 2, 3)
			select i.n as invited, (select count(*)::int from survey_response r
					where r.gemeente_id = i.gemeente_id and r.quarter = i.quarter
						and r.survey_id = i.survey_id) as answers
			from i`)
		);
		expect(groups.reduce((a, g) => a + g.invited, 0)).toBe(400);
		for (const g of groups) expect(g.invited).toBeLessThanOrEqual(g.answers);
		const [open] = rowsOf<{ n: number }>(
			await db.execute(sql`select count(*)::int as n from survey_invitation s
				join client c on c.id = s.client_id
				where s.answered_at is null and c.client_number >= 'WW-200001'`)
		);
		expect(open!.n).toBeGreaterThan(100);
	});

	it('never invites a client again within 30 days (MIN_DAYS_BETWEEN)', async () => {
		const { db } = get();
		expect(await invitationPairsTooClose(db)).toBe(0);
	});

	it('answers in all nine languages, each only where its gemeente offers it', async () => {
		const { db } = get();
		const langs = rowsOf<{ language: string; offered: boolean }>(
			await db.execute(sql`select distinct r.language, r.language = any(g.languages) as offered
				from survey_response r join gemeente g on g.id = r.gemeente_id`)
		);
		expect(new Set(langs.map((l) => l.language))).toEqual(
			new Set(['nl', 'en', 'ar', 'fa', 'prs', 'ti', 'tr', 'uk', 'so'])
		);
		expect(langs.filter((l) => !l.offered)).toEqual([]);
	});

	it('gives clients segment history, second benefit periods (herinstroom) and norms', async () => {
		const { db } = get();
		const [row] = rowsOf<{ reclassified: number; reentries: number; norms: number }>(
			await db.execute(sql`select
				(select count(*)::int from (select h.client_id from segment_history h
					join client c on c.id = h.client_id where c.client_number >= 'WW-200001'
					group by 1 having count(distinct h.segment) > 1) x) as reclassified,
				(select count(*)::int from benefit_period p join client c on c.id = p.client_id
					join outflow o on o.client_id = c.id and o.benefit_start < c.benefit_start
					where p.source = 'reentry' and p.start = c.benefit_start
						and c.client_number >= 'WW-200001') as reentries,
				(select count(distinct year)::int from norm) as norms`)
		);
		expect(row!.reclassified).toBeGreaterThan(10);
		expect(row!.reentries).toBeGreaterThan(3);
		expect(row!.norms).toBeGreaterThanOrEqual(3);
	});

	it('marks no survey text checked: only a named person may check a text', async () => {
		const { db } = get();
		const checked = await db
			.select({ language: surveyText.language })
			.from(surveyText)
			.where(sql`${surveyText.status} = 'checked' or ${surveyText.checkedAt} is not null`);
		expect(checked).toEqual([]);
	});

	it('can be called again and keeps adding', async () => {
		const { db } = get();
		const result = await seedLarge(db, { clients: 50, seed: 4, now });
		expect(result.clients).toBe(50);
		const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(client);
		// The demo: five personas, four clients reserved for specs (Dalia, Wilma, Hala, Noor), 40
		// background clients and 200 history clients.
		expect(row!.n).toBe(249 + 500 + 50);
	});
});
