import { expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, gemeente, handhaving, user } from '../../src/lib/server/db/schema';
import { buildReport } from '../../src/lib/server/report/report';
import { HANDHAVING_CATEGORIES } from '../../src/lib/server/report/handhaving';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import { parseCsv } from '../csv';

// Handhaving in the council report (issue #13 §7, docs/DOMAIN.md "Handhaving"): besluiten per
// quarter by their day, maatregelen by ground, boetes, terugvorderingen; withdrawn ones not.
// The definitions are checked on the figures before suppression (every cell shown here);
// suppression of this table is checked with the others in report.test.ts and the attacker.
vi.mock('../../src/lib/server/report/suppression', async (original) => ({
	...(await original<typeof import('../../src/lib/server/report/suppression')>()),
	suppress: (cells: Map<string, number>) => new Map([...cells.keys()].map((k) => [k, 'shown']))
}));

const now = new Date('2026-08-13T08:00:00Z');

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
		await db.insert(handhaving).values([
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
		]);
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
});
