import { expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, gemeente, handhaving, user } from '../../src/lib/server/db/schema';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import { recordHandhaving } from '../../src/lib/server/handhaving/handhaving';
import { publishedReport } from '../../src/lib/server/report/periods';
import { formatter } from '../../src/routes/rapportage/format';
import { formatNumber } from '../../src/lib/date-format';
import { DATE_LOCALES } from '../../src/lib/date-locales';
import { HANDHAVING_CATEGORIES } from '../../src/lib/server/report/handhaving';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import { parseCsv } from '../csv';
import { quarterOfDay } from '../../src/lib/quarters';

// Handhaving in the council report (issue #13 §7, docs/DOMAIN.md "Handhaving"): besluiten per
// quarter by their day, maatregelen by ground, boetes, terugvorderingen; withdrawn ones not.
// The definitions are checked on the figures before suppression (every cell shown here);
// suppression of this table is checked with the others in report.test.ts and the attacker.
vi.mock('../../src/lib/server/report/suppression', async (original) => ({
	...(await original<typeof import('../../src/lib/server/report/suppression')>()),
	suppress: (cells: Map<string, number>) => new Map([...cells.keys()].map((k) => [k, 'shown']))
}));

const now = new Date('2026-08-13T08:00:00Z');

/** Rows written here as if recorded before their quarter was published: their own quarter. */
const inOwnQuarter = (
	rows: Omit<typeof handhaving.$inferInsert, 'countedInQuarter'>[]
): (typeof handhaving.$inferInsert)[] =>
	rows.map((r) => ({ ...r, countedInQuarter: quarterOfDay(r.decidedOn) }));

describeEachDatabase('handhaving in the council report', (database) => {
	it('counts besluiten by their day in the quarter, per kind and gemeente, without withdrawn ones', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const count = async (gemeenteCode: string | null) => {
			const r = (await buildReport(
				db,
				{ quarter: '2026-Q2', period: 'quarter', gemeente: gemeenteCode },
				now
			))!;
			return Object.fromEntries([
				...r.handhaving.rows.map((row) => [row.key, row.cells.n.n]),
				['*', r.handhaving.total.cells.n.n]
			]);
		};
		const before = await count('lindewaard');
		const dienstBefore = await count(null);
		const [lw] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const [u] = await db
			.insert(user)
			.values({ displayName: 'H', roles: ['client'] })
			.returning();
		const [c] = await db
			.insert(client)
			.values({
				userId: u!.id,
				clientNumber: 'H-1',
				gemeenteId: lw!.id,
				birthDate: '1990-01-01',
				benefitStart: '2024-01-01'
			})
			.returning();
		const base = { clientId: c!.id, reason: 'x' };
		const maatregel = {
			...base,
			kind: 'maatregel' as const,
			ground: 'verplichtingen' as const,
			percentage: 20,
			periodStart: '2026-07-01',
			periodEnd: '2026-07-31'
		};
		await db.insert(handhaving).values(
			inOwnQuarter([
				// The first and the last day of the quarter count; the day before and after do not.
				{ ...maatregel, decidedOn: '2026-04-01' },
				{ ...maatregel, decidedOn: '2026-06-30' },
				{ ...maatregel, decidedOn: '2026-03-31' },
				{ ...maatregel, decidedOn: '2026-07-01' },
				// Withdrawn: not counted.
				{ ...maatregel, decidedOn: '2026-05-01', withdrawnOn: '2026-06-01' },
				{ ...base, kind: 'boete', decidedOn: '2026-05-10', amountCents: 100 },
				{ ...base, kind: 'terugvordering', decidedOn: '2026-05-11', amountCents: 100 },
				{ ...base, kind: 'terugvordering', decidedOn: '2026-05-12', amountCents: 100 }
			])
		);
		const after = await count('lindewaard');
		const plus = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
		expect(plus('maatregel_verplichtingen')).toBe(2);
		expect(plus('maatregel_arbeid')).toBe(0);
		expect(plus('boete')).toBe(1);
		expect(plus('terugvordering')).toBe(2);
		expect(plus('*')).toBe(5);
		// The dienst total moves by the same; every category is a row, also at 0.
		const dienst = await count(null);
		expect((dienst['*'] ?? 0) - (dienstBefore['*'] ?? 0)).toBe(5);
		expect(Object.keys(after).sort()).toEqual([...HANDHAVING_CATEGORIES, '*'].sort());
		// The figures as the raw table gives them, for the whole dienst.
		const raw = await db.execute(sql`select count(*)::int as n from handhaving
			where decided_on between '2026-04-01' and '2026-06-30' and withdrawn_on is null`);
		const rows = (Array.isArray(raw) ? raw : (raw as { rows: { n: number }[] }).rows) as {
			n: number;
		}[];
		expect(dienst['*']).toBe(Number(rows[0]!.n));
		// The page's table and its CSV: one row per category and the total.
		const r = (await buildReport(
			db,
			{ quarter: '2026-Q2', period: 'quarter', gemeente: 'lindewaard' },
			now
		))!;
		const table = reportTables(r, (k) => k).find((t) => t.id === 'handhaving')!;
		expect(table.section).toBe('handhaving');
		expect(table.rows).toHaveLength(HANDHAVING_CATEGORIES.length + 1);
		const csv = parseCsv(tableCsv(table, (k) => k));
		expect(csv.at(-1)).toEqual(['report.category.all', String(after['*'])]);
	});

	it('counts maatregelen by percentage band, sums the amounts per quarter and draws the trend from each quarter', async () => {
		const { db } = database();
		const [lw] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const report = async (quarter: string) =>
			(await buildReport(db, { quarter, period: 'quarter', gemeente: 'lindewaard' }, now))!;
		const figures = (r: Awaited<ReturnType<typeof report>>) => ({
			bands: Object.fromEntries(r.handhaving.bands.rows.map((x) => [x.key, x.cells.n.n])),
			maatregelen: r.handhaving.bands.total.cells.n.n,
			cents: Object.fromEntries(r.handhaving.amounts.rows.map((x) => [x.key, x.cells.cents.n]))
		});
		const before = figures(await report('2026-Q2'));
		const [u] = await db
			.insert(user)
			.values({ displayName: 'H2', roles: ['client'] })
			.returning();
		const [c] = await db
			.insert(client)
			.values({
				userId: u!.id,
				clientNumber: 'H-2',
				gemeenteId: lw!.id,
				birthDate: '1990-01-01',
				benefitStart: '2024-01-01'
			})
			.returning();
		const base = { clientId: c!.id, reason: 'x', kind: 'maatregel' as const };
		const maatregel = (percentage: number, decidedOn = '2026-05-04') => ({
			...base,
			ground: 'arbeid' as const,
			percentage,
			decidedOn,
			periodStart: '2026-07-01',
			periodEnd: '2026-07-31'
		});
		const money = (kind: 'boete' | 'terugvordering', amountCents: number, decidedOn: string) => ({
			clientId: c!.id,
			reason: 'x',
			kind,
			amountCents,
			decidedOn
		});
		await db
			.insert(handhaving)
			.values(
				inOwnQuarter([
					maatregel(0),
					maatregel(20),
					maatregel(21),
					maatregel(50),
					maatregel(51),
					maatregel(100),
					maatregel(100, '2026-07-01'),
					money('boete', 12_550, '2026-04-01'),
					money('boete', 100_000, '2026-06-30'),
					{ ...money('boete', 777, '2026-05-01'), withdrawnOn: '2026-05-02' },
					money('terugvordering', 250_000, '2026-05-12'),
					money('terugvordering', 1, '2026-03-31')
				])
			);
		const r = await report('2026-Q2');
		const after = figures(r);
		const plus = (a: Record<string, number | null>, b: Record<string, number | null>, k: string) =>
			(a[k] ?? 0) - (b[k] ?? 0);
		expect(plus(after.bands, before.bands, 'band_0')).toBe(1);
		expect(plus(after.bands, before.bands, 'band_1_20')).toBe(1);
		expect(plus(after.bands, before.bands, 'band_21_50')).toBe(2);
		expect(plus(after.bands, before.bands, 'band_51_100')).toBe(2);
		expect(after.maatregelen! - before.maatregelen!).toBe(6);
		// The band total is the maatregelen of the kinds table.
		const grounds = r.handhaving.rows
			.filter((x) => x.key.startsWith('maatregel_'))
			.reduce((s, x) => s + x.cells.n.n!, 0);
		expect(after.maatregelen).toBe(grounds);
		// Sums in cents, by the day of the besluit, without withdrawn ones.
		expect(plus(after.cents, before.cents, 'boete')).toBe(112_550);
		expect(plus(after.cents, before.cents, 'terugvordering')).toBe(250_000);
		// The trend: eight quarters ending with this one, each point the quarter's own figures.
		const points = r.handhaving.history.points;
		expect(points.map((p) => p.key)).toEqual([
			'2024-Q3',
			'2024-Q4',
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1',
			'2026-Q2'
		]);
		const q2 = points.at(-1)!;
		expect(q2.maatregel.n).toBe(after.maatregelen);
		expect(q2.boeteCents.n).toBe(
			r.handhaving.amounts.rows.find((x) => x.key === 'boete')!.cells.cents.n
		);
		const q1 = await report('2026-Q1');
		expect(points.at(-2)!.terugvorderingCents.n).toBe(
			q1.handhaving.amounts.rows.find((x) => x.key === 'terugvordering')!.cells.cents.n
		);
		// The tables for the page and the CSV: euros with a decimal comma in the Dutch CSV.
		const tables = reportTables(r, (k) => k);
		const amounts = tables.find((t) => t.id === 'handhaving-amounts')!;
		const csv = parseCsv(tableCsv(amounts, (k) => k));
		const boete = r.handhaving.amounts.rows.find((x) => x.key === 'boete')!.cells.cents.n!;
		expect(csv[1]).toEqual([
			'report.category.handhaving.boete',
			(boete / 100).toFixed(2).replace('.', ',')
		]);
		expect(tables.find((t) => t.id === 'handhaving-trend')!.rows).toHaveLength(8);
		expect(tables.find((t) => t.id === 'handhaving-bands')!.rows).toHaveLength(5);
	});

	it('counts a besluit in the quarter of its own day (an Amsterdam day), not of the day it was recorded', async () => {
		const { db } = database();
		const [lw] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const [km] = await db
			.insert(user)
			.values({ displayName: 'Km grens', roles: ['klantmanager'] })
			.returning();
		const [u] = await db
			.insert(user)
			.values({ displayName: 'H3', roles: ['client'] })
			.returning();
		const [c] = await db
			.insert(client)
			.values({
				userId: u!.id,
				clientNumber: 'H-3',
				gemeenteId: lw!.id,
				birthDate: '1990-01-01',
				benefitStart: '2024-01-01',
				klantmanagerId: km!.id
			})
			.returning();
		const staff = { id: km!.id, roles: ['klantmanager'] as const };
		const boete = (decidedOn: string, amountCents: number) =>
			({ kind: 'boete', decidedOn, amountCents, reason: 'Inkomsten niet doorgegeven.' }) as const;
		const record = (decidedOn: string, amountCents: number, at: string) =>
			recordHandhaving(db, staff, c!.id, boete(decidedOn, amountCents), new Date(at));
		const later = new Date('2027-02-01T08:00:00Z');
		const sums = async (quarter: string) => {
			const r = (await buildReport(
				db,
				{ quarter, period: 'quarter', gemeente: 'lindewaard' },
				later
			))!;
			const row = (k: string) => r.handhaving.rows.find((x) => x.key === k)!.cells.n.n!;
			const cents = r.handhaving.amounts.rows.find((x) => x.key === 'boete')!.cells.cents.n!;
			return { boete: row('boete'), cents };
		};
		const q3 = await sums('2026-Q3');
		const q4 = await sums('2026-Q4');
		const q1 = await sums('2027-Q1');
		// Summer time: 21:59 UTC on 30 September is 23:59 in Amsterdam, still 30 September, so a
		// besluit of 1 October is in the future; 22:30 UTC is already 1 October there (not in UTC).
		expect(await record('2026-10-01', 1_000, '2026-09-30T21:59:00Z')).toMatchObject({
			ok: false,
			error: 'in_future'
		});
		expect((await record('2026-09-30', 10_000, '2026-09-30T21:59:00Z')).ok).toBe(true);
		expect((await record('2026-10-01', 20_000, '2026-09-30T22:30:00Z')).ok).toBe(true);
		// Recorded after the quarter's last day, dated on it: in the quarter of its day.
		expect((await record('2026-09-30', 40_000, '2026-10-12T09:00:00Z')).ok).toBe(true);
		// Winter time: 22:59 UTC on 31 December is 23:59 in Amsterdam; 23:30 UTC is 1 January.
		expect(await record('2027-01-01', 1_000, '2026-12-31T22:59:00Z')).toMatchObject({
			ok: false,
			error: 'in_future'
		});
		expect((await record('2026-12-31', 80_000, '2026-12-31T22:59:00Z')).ok).toBe(true);
		expect((await record('2027-01-01', 160_000, '2026-12-31T23:30:00Z')).ok).toBe(true);
		const plus = async (quarter: string, before: { boete: number; cents: number }) => {
			const after = await sums(quarter);
			return { boete: after.boete - before.boete, cents: after.cents - before.cents };
		};
		expect(await plus('2026-Q3', q3)).toEqual({ boete: 2, cents: 50_000 });
		expect(await plus('2026-Q4', q4)).toEqual({ boete: 2, cents: 100_000 });
		expect(await plus('2027-Q1', q1)).toEqual({ boete: 1, cents: 160_000 });
	});

	it('sums above 2^31 cents come out exact: report, trend, frozen report, CSV and page text', async () => {
		const { db } = database();
		const [lw] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const q = { quarter: '2026-Q2', period: 'quarter', gemeente: 'lindewaard' } as const;
		const sumOf = (r: Report) =>
			r.handhaving.amounts.rows.find((x) => x.key === 'terugvordering')!.cells.cents.n!;
		const before = sumOf((await buildReport(db, q, now))!);
		const dienstBefore = sumOf((await buildReport(db, { ...q, gemeente: null }, now))!);
		// 25 clients, each with a terugvordering of € 999,999.99 (the form takes up to € 1,000,000):
		// together € 24,999,999.75, above the € 21,474,836.47 an integer column or ::int holds.
		const added = 25 * 99_999_999;
		expect(added).toBeGreaterThan(2 ** 31);
		for (let i = 0; i < 25; i++) {
			const [u] = await db
				.insert(user)
				.values({ displayName: `T${i}`, roles: ['client'] })
				.returning();
			const [c] = await db
				.insert(client)
				.values({
					userId: u!.id,
					clientNumber: `T-${i}`,
					gemeenteId: lw!.id,
					birthDate: '1980-01-01',
					benefitStart: '2020-01-01'
				})
				.returning();
			await db.insert(handhaving).values({
				clientId: c!.id,
				kind: 'terugvordering',
				amountCents: 99_999_999,
				decidedOn: '2026-05-20',
				countedInQuarter: '2026-Q2',
				reason: 'x'
			});
		}
		const r = (await buildReport(db, q, now))!;
		const total = sumOf(r);
		expect(total - before).toBe(added);
		expect(sumOf((await buildReport(db, { ...q, gemeente: null }, now))!) - dienstBefore).toBe(
			added
		);
		expect(r.handhaving.history.points.at(-1)!.terugvorderingCents.n).toBe(total);
		// Published: frozen in report_snapshot and read back, every cent.
		const published = (await publishedReport(db, q, now))!;
		expect(sumOf(published)).toBe(total);
		// The Dutch CSV: whole euros, decimal comma, two decimals (worked out here in BigInt).
		const euros = `${BigInt(total) / 100n},${String(BigInt(total) % 100n).padStart(2, '0')}`;
		const amounts = reportTables(published, (k) => k).find((t) => t.id === 'handhaving-amounts')!;
		expect(parseCsv(tableCsv(amounts, (k) => k))[2]).toEqual([
			'report.category.handhaving.terugvordering',
			euros
		]);
		// The page's text: the same digits, grouped as the reader's language writes them.
		const text = formatter({
			t: (k, o) => (k === 'report.format.euro' ? `€ ${String(o?.amount)}` : k),
			number: (v, digits = 0) => formatNumber(DATE_LOCALES.nl, v, digits)
		}).cell({ t: 'euro', cents: total });
		expect(text.replace(/\D/g, '')).toBe(String(total));
		expect(text).toMatch(/^€\s?[\d.]+,\d\d$/);
	});

	it('a report frozen before the table existed still gives its tables', async () => {
		const { db } = database();
		const r = (await buildReport(
			db,
			{ quarter: '2026-Q2', period: 'quarter', gemeente: null },
			now
		))!;
		const { handhaving: _gone, ...old } = r;
		const tables = reportTables(old as typeof r, (k) => k);
		expect(tables.find((t) => t.id === 'handhaving')).toBeUndefined();
		expect(tables.length).toBeGreaterThan(5);
	});

	// A published quarter is frozen (report_snapshot). A besluit recorded after that, dated in
	// it, counts in the next publication (docs/DOMAIN.md "Handhaving"), as a late survey answer
	// does; it must not fall between the frozen quarter and the next one. Runs last: it
	// publishes 2026-Q3 and 2026-Q4.
	it('a besluit recorded after its quarter was published counts in the next quarter; the published one stays as it was', async () => {
		const { db } = database();
		const [lw] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const [km] = await db
			.insert(user)
			.values({ displayName: 'Km laat', roles: ['klantmanager'] })
			.returning();
		const [u] = await db
			.insert(user)
			.values({ displayName: 'H5', roles: ['client'] })
			.returning();
		const [c] = await db
			.insert(client)
			.values({
				userId: u!.id,
				clientNumber: 'H-5',
				gemeenteId: lw!.id,
				birthDate: '1990-01-01',
				benefitStart: '2024-01-01',
				klantmanagerId: km!.id
			})
			.returning();
		const staff = { id: km!.id, roles: ['klantmanager'] as const };
		const record = (decidedOn: string, amountCents: number, at: string) =>
			recordHandhaving(
				db,
				staff,
				c!.id,
				{ kind: 'boete', decidedOn, amountCents, reason: 'Inkomsten niet doorgegeven.' },
				new Date(at)
			);
		const q3 = { quarter: '2026-Q3', period: 'quarter', gemeente: 'lindewaard' } as const;
		const q4 = { ...q3, quarter: '2026-Q4' } as const;
		const figures = (r: Report) => ({
			boete: r.handhaving.rows.find((x) => x.key === 'boete')!.cells.n.n,
			total: r.handhaving.total.cells.n.n,
			cents: r.handhaving.amounts.rows.find((x) => x.key === 'boete')!.cells.cents.n
		});
		// Recorded before Q3 is published: counts in Q3.
		expect((await record('2026-09-10', 1_000, '2026-09-15T08:00:00Z')).ok).toBe(true);
		const publishedAt = new Date('2026-10-20T08:00:00Z');
		const frozen = figures((await publishedReport(db, q3, publishedAt))!);
		const q4Before = figures((await buildReport(db, q4, publishedAt))!);
		// Recorded the next day, dated in Q3.
		expect((await record('2026-09-20', 40_000, '2026-10-21T09:00:00Z')).ok).toBe(true);
		const later = new Date('2027-01-20T08:00:00Z');
		const r4 = (await buildReport(db, q4, later))!;
		expect(figures(r4)).toEqual({
			boete: q4Before.boete! + 1,
			total: q4Before.total! + 1,
			cents: q4Before.cents! + 40_000
		});
		// Q3 as published, read again and built again: unchanged, also as Q4's trend point.
		expect(figures((await publishedReport(db, q3, later))!)).toEqual(frozen);
		expect(figures((await buildReport(db, q3, later))!)).toEqual(frozen);
		const point = r4.handhaving.history.points.find((p) => p.key === '2026-Q3')!;
		expect({ boete: point.boete.n, cents: point.boeteCents.n }).toEqual({
			boete: frozen.boete,
			cents: frozen.cents
		});
		// Published, Q4 has it.
		expect(figures((await publishedReport(db, q4, later))!)).toEqual(figures(r4));
	});
});
