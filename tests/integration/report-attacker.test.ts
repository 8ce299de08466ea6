import { expect, it, vi } from 'vitest';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { publishedReport } from '../../src/lib/server/report/periods';
import { buildReport } from '../../src/lib/server/report/report';
import type { Db } from '../../src/lib/server/db/open';
import { attack, countCells, derivedLeaks, extremeLeaks, type View } from './report-attacker';

// The linear-system attacker (issue #13 point 4, docs/REPORT.md "Suppression"): every view of
// the year 2025 as a reader gets them, the trend's points included, solved together. It must
// recover nothing; with the year built apart from its quarters, or with a trend that shows a
// point its quarter's table hides (the planted leaks), it must recover something.

const now = new Date('2026-05-13T08:00:00Z');
const YEAR = '2025';
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const BEFORE = '2024-Q4';

/**
 * buildReport from a copy of the report modules whose suppression shows every cell and which
 * reads no published (suppressed) trend point.
 */
async function unsuppressed() {
	vi.resetModules();
	vi.doMock('../../src/lib/server/report/suppression', async (original) => ({
		...(await original<typeof import('../../src/lib/server/report/suppression')>()),
		suppress: (cells: Map<string, number>) => new Map([...cells.keys()].map((k) => [k, 'shown']))
	}));
	// Nothing frozen either: the trend's published points are suppressed cells.
	vi.doMock('../../src/lib/server/report/published-totals', () => ({
		publishedTotals: async () => new Map()
	}));
	// Every share as a number, also 0% and 100% (extremes.ts).
	vi.doMock('../../src/lib/server/report/extremes', async (original) => ({
		...(await original<typeof import('../../src/lib/server/report/extremes')>()),
		protectShares: () => new Map()
	}));
	const raw = await import('../../src/lib/server/report/report');
	vi.doUnmock('../../src/lib/server/report/extremes');
	vi.doUnmock('../../src/lib/server/report/suppression');
	vi.doUnmock('../../src/lib/server/report/published-totals');
	vi.resetModules();
	return raw.buildReport;
}

/** buildReport from a copy of the report modules whose tables of the same people are suppressed apart. */
async function tablesApart() {
	vi.resetModules();
	vi.doMock('../../src/lib/server/report/cells', async (original) => {
		const cells = await original<typeof import('../../src/lib/server/report/cells')>();
		return {
			...cells,
			measuresTables: (lists: Record<string, never[]>, ctx: never, measures: readonly string[]) =>
				Object.fromEntries(
					Object.keys(lists).map((t) => [t, cells.measuresTable(lists[t]!, ctx, measures)])
				)
		};
	});
	const apart = await import('../../src/lib/server/report/report');
	vi.doUnmock('../../src/lib/server/report/cells');
	vi.resetModules();
	return apart.buildReport;
}

async function allViews(db: Db, year: (gemeente: string | null) => Promise<unknown>) {
	const raw = await unsuppressed();
	const whole = await publishedReport(
		db,
		{ quarter: QUARTERS[3]!, period: 'quarter', gemeente: null },
		now
	);
	const selections = [null, ...whole!.gemeenten.map((g) => g.code)];
	const views: View[] = [];
	for (const gemeente of selections) {
		const selection = gemeente ?? '*';
		for (const quarter of [BEFORE, ...QUARTERS])
			views.push({
				view: `Q:${quarter}`,
				selection,
				report: await publishedReport(db, { quarter, period: 'quarter', gemeente }, now),
				truth: await raw(db, { quarter, period: 'quarter', gemeente }, now)
			});
		views.push({
			view: `Y:${YEAR}`,
			selection,
			report: await year(gemeente),
			truth: await raw(db, { quarter: QUARTERS[3]!, period: 'year', gemeente }, now)
		});
	}
	return views;
}

describeEachDatabase('report attacker', (database) => {
	it('solving every view of a year together recovers no hidden cell', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const views = await allViews(db, (gemeente) =>
			publishedReport(db, { quarter: QUARTERS[3]!, period: 'year', gemeente }, now)
		);
		const result = attack(views, YEAR, QUARTERS, BEFORE);
		if (process.env.ATTACK_LOG)
			(await import('node:fs')).writeFileSync(
				process.env.ATTACK_LOG,
				JSON.stringify(result, null, 1)
			);
		expect(result.hiddenCells).toBeGreaterThan(20);
		// The handhaving table (issue #13 §7) is attacked with the others: it has hidden cells.
		const hiddenHandhaving = views.flatMap((v) =>
			[...countCells(v.report)].filter(([p, c]) => p.startsWith('handhaving.') && c.hidden)
		);
		expect(hiddenHandhaving.length).toBeGreaterThan(0);
		// Its bands, sums of euros and trend are attacked too, and some of them are hidden.
		for (const part of ['bands.rows', 'amounts.rows', 'history.points'])
			expect(
				hiddenHandhaving.some(([p]) => p.startsWith(`handhaving.${part}.`)),
				part
			).toBe(true);
		// No share of 0% or 100% of a group of 10 or more is given away: not as a figure, an
		// interval, a trend point, nor as a k the attacker works out (report/extremes.ts).
		expect(extremeLeaks(views, result.recovered)).toEqual([]);
		expect(result.recovered).toEqual([]);
		// The tables of issue #13 §7 are among what it attacks.
		const paths = new Set(views.flatMap((v) => [...countCells(v.report).keys()]));
		for (const table of ['bestandTrend', 'exemptions', 'plans', 'answers', 'workAfterInflow'])
			expect([...paths].some((p) => p.startsWith(`indicators.${table}.`))).toBe(true);
		// No rate, share or median is shown beside a count it would give back.
		expect(
			views.flatMap((v) => derivedLeaks(v.report).map((l) => `${v.view}|${v.selection}|${l}`))
		).toEqual([]);
	}, 600_000);

	it('planted leak: a trend point shown where its quarter hides the cell gives it away', async () => {
		const { db } = database();
		const views = await allViews(db, (gemeente) =>
			publishedReport(db, { quarter: QUARTERS[3]!, period: 'year', gemeente }, now)
		);
		// The trend of every view as it would be without suppression.
		const leaky = views.map((v) => ({
			...v,
			report: { ...(v.report as object), trend: (v.truth as { trend: unknown }).trend }
		}));
		const result = attack(leaky, YEAR, QUARTERS, BEFORE);
		expect(result.recovered.some((x) => x.by === 'trend' || x.by === 'elimination')).toBe(true);
		expect(result.recovered.length).toBeGreaterThan(0);
	}, 600_000);

	it('planted leak: bestand tables suppressed apart give a hidden total away', async () => {
		const { db } = database();
		const [build, raw] = [await tablesApart(), await unsuppressed()];
		const whole = await buildReport(
			db,
			{ quarter: QUARTERS[3]!, period: 'quarter', gemeente: null },
			now
		);
		const views: View[] = [];
		for (const gemeente of [null, ...whole!.gemeenten.map((g) => g.code)])
			for (const quarter of [BEFORE, ...QUARTERS]) {
				const q = { quarter, period: 'quarter', gemeente } as const;
				views.push({
					view: `Q:${quarter}`,
					selection: gemeente ?? '*',
					report: await build(db, q, now),
					truth: await raw(db, q, now)
				});
			}
		const result = attack(views, YEAR, QUARTERS, BEFORE);
		expect(result.recovered.filter((x) => /\|bestand\.\w+\.total\./.test(x.id))).not.toEqual([]);
	}, 600_000);

	it('planted leak: sums hidden only where their count is "< 10" give hidden sums away', async () => {
		const { db } = database();
		const views = await allViews(db, (gemeente) =>
			publishedReport(db, { quarter: QUARTERS[3]!, period: 'year', gemeente }, now)
		);
		type Cell = { n: number | null; hidden: false | 'primary' | 'secondary' };
		type H = {
			rows: { key: string; cells: { n: Cell } }[];
			amounts: { rows: { key: string; cells: { cents: Cell } }[] };
		};
		// The sums without the count's secondary suppression: shown beside a "verborgen" count.
		const leaky = views.map((v) => {
			const report = structuredClone(v.report) as { handhaving: H };
			const truth = (v.truth as { handhaving: H }).handhaving;
			for (const row of report.handhaving.amounts.rows) {
				const count = report.handhaving.rows.find((r) => r.key === row.key)!.cells.n;
				const cents = truth.amounts.rows.find((r) => r.key === row.key)!.cells.cents.n;
				row.cells.cents =
					count.hidden === 'primary' ? { n: null, hidden: 'primary' } : { n: cents, hidden: false };
			}
			return { ...v, report };
		});
		const result = attack(leaky, YEAR, QUARTERS, BEFORE);
		expect(result.recovered.some((x) => x.id.includes('handhaving.amounts'))).toBe(true);
	}, 600_000);

	it('planted leak: a year protected apart from its quarters gives hidden cells away', async () => {
		const { db } = database();
		const views = await allViews(db, (gemeente) =>
			buildReport(db, { quarter: QUARTERS[3]!, period: 'year', gemeente }, now)
		);
		const result = attack(views, YEAR, QUARTERS, BEFORE);
		expect(result.recovered.length).toBeGreaterThan(0);
	}, 600_000);
});
