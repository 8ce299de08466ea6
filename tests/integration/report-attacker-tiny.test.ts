import { expect, it, vi } from 'vitest';
import { describeEachDatabase } from './databases';
import type { Db } from '../../src/lib/server/db/open';
import { client, gemeente, user } from '../../src/lib/server/db/schema';
import { publishedReport } from '../../src/lib/server/report/periods';
import type { Report } from '../../src/lib/server/report/report';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import { attack, type View } from './report-attacker';

// A gemeente with fewer than 10 people in the bestand (issue #13, docs/REPORT.md "A gemeente
// with fewer than 10 people"). Its bestand is "< 10" on its own page, but every other
// gemeente's bestand and the whole dienst's are published (in the bestand tables and in the
// bestand trend): the dienst less the others gives its size. A reader who takes every view
// (each gemeente and the dienst, five quarters and the year) and solves them together must not
// find it, in any quarter.

const now = new Date('2026-05-13T08:00:00Z');
const YEAR = '2025';
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const BEFORE = '2024-Q4';
const SIZES = { klein: 6, brakeloo: 31, oosterveld: 44 } as const;

async function seed(db: Db) {
	let number = 0;
	for (const [code, size] of Object.entries(SIZES)) {
		const [g] = await db
			.insert(gemeente)
			.values({ code, name: code[0]!.toUpperCase() + code.slice(1) })
			.returning();
		for (let i = 0; i < size; i++) {
			const [u] = await db
				.insert(user)
				.values({ displayName: `C${number}`, roles: ['client'] })
				.returning();
			await db.insert(client).values({
				userId: u!.id,
				clientNumber: `T-${number++}`,
				gemeenteId: g!.id,
				birthDate: `19${60 + (i % 30)}-03-01`,
				benefitStart: '2024-01-01'
			});
		}
	}
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
	for (const g of [null, ...Object.keys(SIZES)]) {
		const selection = g ?? '*';
		for (const quarter of [BEFORE, ...QUARTERS]) {
			const q = { quarter, period: 'quarter', gemeente: g } as const;
			views.push({
				view: `Q:${quarter}`,
				selection,
				report: await publishedReport(db, q, now),
				truth: await raw(db, q, now)
			});
		}
		const year = { quarter: QUARTERS[3]!, period: 'year', gemeente: g } as const;
		views.push({
			view: `Y:${YEAR}`,
			selection,
			report: await publishedReport(db, year, now),
			truth: await raw(db, year, now)
		});
	}
	return views;
}

const size = (r: Report) => r.bestand.segment.total.cells.n;

describeEachDatabase('report attacker: a gemeente with fewer than 10 people', (database) => {
	it('its bestand is not the dienst less the other gemeenten, in any view', async () => {
		const { db } = database();
		await seed(db);
		const views = await allViews(db);
		const klein = views.filter((v) => v.selection === 'klein');
		for (const v of klein) {
			const r = v.report as Report;
			// Hidden on its own page, in the CSV and in every point of its trend.
			expect(size(r).n, v.view).toBeNull();
			// (Before 2024 nobody had a benefit: 0 is shown.)
			for (const p of r.indicators!.bestandTrend.points)
				if (p.key >= '2024-Q1') expect(p.size.n, `${v.view} ${p.key}`).toBeNull();
			const csv = reportTables(r, (k) => k)
				.filter((t) => t.id === 'bestand')
				.map((t) => tableCsv(t, (k) => k))
				.join('\n');
			expect(csv, v.view).not.toMatch(new RegExp(`;${SIZES.klein}\\r`));
		}
		// A reader who adds up what the other views show does not get it back.
		const shown = (view: string, selection: string) => {
			const r = views.find((v) => v.view === view && v.selection === selection)!.report as Report;
			return size(r).n;
		};
		for (const view of [`Q:${BEFORE}`, ...QUARTERS.map((q) => `Q:${q}`), `Y:${YEAR}`]) {
			const parts = [shown(view, '*'), shown(view, 'brakeloo'), shown(view, 'oosterveld')];
			expect(
				parts.every((x) => x !== null),
				view
			).toBe(false);
		}
		const result = attack(views, YEAR, QUARTERS, BEFORE);
		expect(result.recovered.filter((x) => /\|klein\|/.test(x.id))).toEqual([]);
		expect(result.recovered).toEqual([]);
	}, 600_000);
});
