import { expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import type { Db } from '../../src/lib/server/db/open';
import { client, gemeente, handhaving, reportSnapshot, user } from '../../src/lib/server/db/schema';
import { publishedReport } from '../../src/lib/server/report/periods';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import { withFrozenTrend } from '../../src/lib/server/report/frozen-trend';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import { attack, type View } from './report-attacker';

// A sum of euros over 10 or more besluiten that one person dominates (issue #13, docs/REPORT.md
// "Sums of euros: the dominance rule"). Lindewaard, 2025-Q2: ten terugvorderingen, one of
// € 40,000 and nine of € 555.56, together € 45,000.04. The count (10) may be shown; the sum
// tells the reader that one person owes about € 40,000. The report must hide it in every view
// that has it (the quarter, the year, each trend point, page data and CSV), and the reader who
// solves every view together must not get it back, nor narrow it to within the room the rule
// asks for (the sum at which the largest two would be no more than 85% of it).

const now = new Date('2026-05-13T08:00:00Z');
const YEAR = '2025';
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const BEFORE = '2024-Q4';
const DOMINATED = 'Q:2025-Q2|lindewaard|handhaving.amounts.rows.terugvordering.cells.cents';
const LARGEST = 4_000_000;
const SMALL = 55_556;
const TOTAL = LARGEST + 9 * SMALL;

/** A besluit's day in the middle of a quarter. */
const dayIn = (quarter: string) =>
	`${quarter.slice(0, 4)}-${String(Number(quarter.slice(6)) * 3 - 1).padStart(2, '0')}-15`;

/** Three gemeenten with terugvorderingen and boetes in every quarter; one dominated sum. */
async function seed(db: Db) {
	const [lw, bk, ov] = await db
		.insert(gemeente)
		.values([
			{ code: 'lindewaard', name: 'Lindewaard' },
			{ code: 'brakeloo', name: 'Brakeloo' },
			{ code: 'oosterveld', name: 'Oosterveld' }
		])
		.returning();
	let number = 0;
	const clients = async (gemeenteId: string, count: number) => {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const [u] = await db
				.insert(user)
				.values({ displayName: `C${number}`, roles: ['client'] })
				.returning();
			const [c] = await db
				.insert(client)
				.values({
					userId: u!.id,
					clientNumber: `D-${number++}`,
					gemeenteId,
					birthDate: '1990-01-01',
					benefitStart: '2024-01-01'
				})
				.returning();
			ids.push(c!.id);
		}
		return ids;
	};
	const [a, b, c] = [
		await clients(lw!.id, 10),
		await clients(bk!.id, 12),
		await clients(ov!.id, 11)
	];
	const rows: (typeof handhaving.$inferInsert)[] = [];
	const money = (
		clientId: string,
		kind: 'boete' | 'terugvordering',
		amountCents: number,
		quarter: string
	) =>
		rows.push({
			clientId,
			kind,
			amountCents,
			decidedOn: dayIn(quarter),
			countedInQuarter: quarter,
			reason: 'x'
		});
	for (const quarter of [BEFORE, ...QUARTERS]) {
		a.forEach((id, i) => {
			// The dominated sum; every other quarter ten of € 1,500.
			if (quarter === '2025-Q2') money(id, 'terugvordering', i === 0 ? LARGEST : SMALL, quarter);
			else money(id, 'terugvordering', 150_000, quarter);
			money(id, 'boete', 30_000, quarter);
		});
		b.forEach((id, i) => {
			money(id, 'terugvordering', 80_000 + i * 14_000, quarter);
			money(id, 'boete', 25_000 + i * 1_000, quarter);
		});
		c.forEach((id, i) => {
			money(id, 'terugvordering', 100_000 + i * 10_000, quarter);
			money(id, 'boete', 20_000 + i * 500, quarter);
		});
	}
	await db.insert(handhaving).values(rows);
}

/** buildReport from a copy of the report modules that shows every cell (the truth). */
async function unsuppressed() {
	vi.resetModules();
	vi.doMock('../../src/lib/server/report/suppression', async (original) => ({
		...(await original<typeof import('../../src/lib/server/report/suppression')>()),
		suppress: (cells: Map<string, number>) => new Map([...cells.keys()].map((k) => [k, 'shown']))
	}));
	const raw = await import('../../src/lib/server/report/report');
	vi.doUnmock('../../src/lib/server/report/suppression');
	vi.resetModules();
	return raw.buildReport;
}

async function allViews(db: Db): Promise<View[]> {
	const raw = await unsuppressed();
	const views: View[] = [];
	for (const gemeente of [null, 'lindewaard', 'brakeloo', 'oosterveld']) {
		const selection = gemeente ?? '*';
		for (const quarter of [BEFORE, ...QUARTERS])
			views.push({
				view: `Q:${quarter}`,
				selection,
				report: await publishedReport(db, { quarter, period: 'quarter', gemeente }, now),
				truth: await raw(db, { quarter, period: 'quarter', gemeente }, now)
			});
		const year = { quarter: QUARTERS[3]!, period: 'year', gemeente } as const;
		views.push({
			view: `Y:${YEAR}`,
			selection,
			report: await publishedReport(db, year, now),
			truth: await raw(db, year, now)
		});
	}
	return views;
}

const terugvordering = (r: Report) =>
	r.handhaving.amounts.rows.find((x) => x.key === 'terugvordering')!.cells.cents;
const pointOf = (r: Report, quarter: string) =>
	r.handhaving.history.points.find((p) => p.key === quarter);

/** The page's tables and CSVs of the handhaving section of a view. */
function handhavingCsv(r: Report): string {
	return reportTables(r, (k) => k)
		.filter((t) => t.section === 'handhaving')
		.map((t) => tableCsv(t, (k) => k))
		.join('\n');
}

describeEachDatabase('report attacker: a sum of euros one person dominates', (database) => {
	let views: View[];

	it('the dominated sum is hidden in every view: quarter, year, trend, page data and CSV', async () => {
		const { db } = database();
		await seed(db);
		views = await allViews(db);
		// The truth: ten terugvorderingen (a count that is shown) and their sum.
		const truth = views.find((v) => v.view === 'Q:2025-Q2' && v.selection === 'lindewaard')!
			.truth as Report;
		expect(terugvordering(truth).n).toBe(TOTAL);
		const q2 = views.find((v) => v.view === 'Q:2025-Q2' && v.selection === 'lindewaard')!
			.report as Report;
		expect(q2.handhaving.rows.find((r) => r.key === 'terugvordering')!.cells.n).toEqual({
			n: 10,
			hidden: false
		});
		// Hidden as every hidden sum is: "verborgen", never a number.
		expect(terugvordering(q2)).toEqual({ n: null, hidden: 'secondary' });
		const lindewaard = views.filter((v) => v.selection === 'lindewaard');
		for (const v of lindewaard) {
			const r = v.report as Report;
			// In no view's page data (the trend of later quarters and the year included) …
			expect(JSON.stringify(r), v.view).not.toContain(String(TOTAL));
			const point = pointOf(r, '2025-Q2');
			if (point)
				expect(point.terugvorderingCents, v.view).toEqual({ n: null, hidden: 'secondary' });
			// … and in no CSV, where the hidden marker stands.
			const csv = handhavingCsv(r);
			expect(csv, v.view).not.toContain('45000,04');
			if (point) expect(csv, v.view).toContain('report.hiddenSecondary');
		}
		const year = lindewaard.find((v) => v.view === `Y:${YEAR}`)!.report as Report;
		expect(terugvordering(year).n).toBeNull();
		// The sums no one dominates are shown (brakeloo's, the dienst's boetes).
		const bk = views.find((v) => v.view === 'Q:2025-Q1' && v.selection === 'brakeloo')!
			.report as Report;
		expect(terugvordering(bk).hidden).toBe(false);
	}, 300_000);

	it('solving every view together neither finds the sum nor narrows it to within the rule', () => {
		const result = attack(views, YEAR, QUARTERS, BEFORE);
		expect(result.recovered.filter((x) => x.id.includes('handhaving'))).toEqual([]);
		// From the dienst total less the gemeenten shown, and the year less its quarters, the
		// reader knows at most a range: its top must reach the sum at which the largest two
		// (€ 40,000 and € 555.56) would be no more than 85% of it (€ 47,712.43), so the sum
		// cannot be told from one that nobody dominates.
		const range = result.bounds.get(DOMINATED)!;
		expect(range).toBeDefined();
		const room = Math.ceil(((LARGEST + SMALL) * 100) / 85) - TOTAL;
		expect(range.hi).toBeGreaterThanOrEqual(TOTAL + room);
		expect(range.lo).toBeLessThanOrEqual(TOTAL - room);
	});

	it('a quarter frozen before the rule shows no sums, nor does the trend built on it', async () => {
		const { db } = database();
		// 2025-Q2 as the code before the rule froze it: the dominated sum shown.
		const where = and(
			eq(reportSnapshot.quarter, '2025-Q2'),
			eq(reportSnapshot.period, 'quarter'),
			eq(reportSnapshot.selection, 'lindewaard')
		);
		const [row] = await db.select().from(reportSnapshot).where(where);
		const old = structuredClone(row!.report) as Report;
		const { rule: _rule, ...amounts } = old.handhaving.amounts;
		old.handhaving = {
			...old.handhaving,
			amounts: {
				...amounts,
				rows: amounts.rows.map((r) =>
					r.key === 'terugvordering' ? { ...r, cells: { cents: { n: TOTAL, hidden: false } } } : r
				)
			} as Report['handhaving']['amounts']
		};
		await db.update(reportSnapshot).set({ report: old }).where(where);
		const read = (await publishedReport(
			db,
			{ quarter: '2025-Q2', period: 'quarter', gemeente: 'lindewaard' },
			now
		))!;
		expect(terugvordering(read).n).toBeNull();
		expect(JSON.stringify(read)).not.toContain(String(TOTAL));
		expect(handhavingCsv(read)).not.toContain('45000,04');
		// Its counts stay as frozen.
		expect(read.handhaving.rows.find((r) => r.key === 'terugvordering')!.cells.n.n).toBe(10);
		// A later quarter's trend takes its point from that frozen report: no sum there either.
		const later = (await buildReport(
			db,
			{ quarter: '2026-Q1', period: 'quarter', gemeente: 'lindewaard' },
			now
		))!;
		const [withTrend] = await withFrozenTrend(db, [later]);
		expect(pointOf(withTrend!, '2025-Q2')!.terugvorderingCents.n).toBeNull();
		expect(pointOf(withTrend!, '2025-Q2')!.terugvordering.n).toBe(10);
	});
});
