import { beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { client, gemeente, handhaving, user } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import { publishedReport } from '../../src/lib/server/report/periods';
import type { CountCell, ShareCell } from '../../src/lib/server/report/cells';

// Issue #13: the trends over eight quarters (satisfaction, bestand with its rates, handhaving
// with its sums) show each quarter as that quarter's own report shows it. A quarter that is
// closed but not yet published is built for the trend with the same counts and suppression as
// its own report; once published, the trend reads its frozen report, whatever changes later.
// On the demo data: every gemeente and the whole dienst.

const now = new Date('2026-08-13T08:00:00Z');
const LAST = '2026-Q2';
/** Three months later 2026-Q3 is closed too. */
const later = new Date('2026-11-02T08:00:00Z');
const CHANGED = '2026-Q1';

type Selection = string | null;
const ask = (quarter: string, gemeente: Selection) =>
	({ quarter, period: 'quarter', gemeente }) as const;

type Shown = Pick<ShareCell, 'share' | 'low' | 'high' | 'hidden'>;
const shown = (c: Shown | undefined) =>
	c ? { share: c.share, low: c.low, high: c.high, hidden: c.hidden } : null;
const count = (c: CountCell | undefined) => (c ? { n: c.n, hidden: c.hidden } : null);

/** The figures of `quarter` as the trends of `r` show them. */
function trendPoint(r: Report, quarter: string) {
	const bestand = r.indicators!.bestandTrend.points.find((p) => p.key === quarter)!;
	const h = r.handhaving.history!.points.find((p) => p.key === quarter)!;
	return {
		satisfaction: Object.fromEntries(
			r.trend.items.map((i) => {
				const p = i.points.find((x) => x.quarter === quarter)!;
				// A point without answers is empty, as an item the quarter did not ask.
				return [i.code, p.share === null && !p.hidden ? null : shown(p)];
			})
		),
		bestand: {
			size: count(bestand.size),
			inflow: count(bestand.inflow),
			outflow: count(bestand.outflow)
		},
		handhaving: {
			maatregel: count(h.maatregel),
			boete: count(h.boete),
			terugvordering: count(h.terugvordering),
			boeteCents: count(h.boeteCents),
			terugvorderingCents: count(h.terugvorderingCents)
		}
	};
}

/** The same figures as the quarter's own report shows them (for the items the trend lists). */
function ownFigures(own: Report, items: string[]): ReturnType<typeof trendPoint> {
	const h = own.handhaving;
	const kind = (k: string) => count(h.rows.find((r) => r.key === k)?.cells.n);
	const cents = (k: string) => count(h.amounts.rows.find((r) => r.key === k)?.cells.cents);
	return {
		satisfaction: Object.fromEntries(
			items.map((code) => {
				const c = own.satisfaction.find((i) => i.code === code)?.total;
				return [code, !c || (c.share === null && !c.hidden) ? null : shown(c)];
			})
		),
		bestand: {
			size: count(own.bestand.segment.total.cells.n),
			inflow: count(own.bestand.inflow),
			outflow: count(own.bestand.outflow)
		},
		handhaving: {
			maatregel: count(h.bands.total.cells.n),
			boete: kind('boete'),
			terugvordering: kind('terugvordering'),
			boeteCents: cents('boete'),
			terugvorderingCents: cents('terugvordering')
		}
	};
}

describeEachDatabase('trend points and their quarter’s own report', (database) => {
	let selections: Selection[] = [];

	beforeAll(async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const codes = await db.select({ code: gemeente.code }).from(gemeente);
		selections = [null, ...codes.map((g) => g.code)];
	}, 300_000);

	it('a quarter closed but not yet published shows in the trend as its own report then shows it', async () => {
		const { db } = database();
		const problems: string[] = [];
		let hiddenSeen = 0;
		for (const selection of selections) {
			// Nothing is published yet: every earlier point of this report's trends is built.
			const last = (await publishedReport(db, ask(LAST, selection), now))!;
			const items = last.trend.items.map((i) => i.code);
			expect(items.length).toBeGreaterThan(0);
			for (const quarter of last.trend.quarters) {
				const own = (await publishedReport(db, ask(quarter, selection), now))!;
				const inTrend = trendPoint(last, quarter);
				const inOwn = ownFigures(own, items);
				hiddenSeen += JSON.stringify(inOwn).split('"hidden":"').length - 1;
				// The bestand rates of the trend point: from the same figures as the quarter's own.
				const rates = last.indicators!.bestandTrend.points.find((p) => p.key === quarter)!;
				const ownRates = own.indicators!.rates;
				const where = `${selection ?? 'dienst'} ${quarter}`;
				for (const part of ['satisfaction', 'bestand', 'handhaving'] as const)
					if (JSON.stringify(inTrend[part]) !== JSON.stringify(inOwn[part]))
						problems.push(
							`${where} ${part}: trend ${JSON.stringify(inTrend[part])}, own ${JSON.stringify(inOwn[part])}`
						);
				// The first point's outflow rate needs the quarter before the trend: not compared.
				if (quarter !== last.trend.quarters[0] && rates.outflowRate !== ownRates.outflowRate)
					problems.push(`${where} outflow rate ${rates.outflowRate} vs ${ownRates.outflowRate}`);
				if (rates.inflowRate !== ownRates.inflowRate)
					problems.push(`${where} inflow rate ${rates.inflowRate} vs ${ownRates.inflowRate}`);
			}
		}
		expect(problems).toEqual([]);
		// The demo's small cells were among them (so hidden cells were compared, not only numbers).
		expect(hiddenSeen).toBeGreaterThan(0);
	}, 600_000);

	it('a published quarter stays in a later trend as frozen, after its data changed', async () => {
		const { db } = database();
		// Every quarter of 2026-Q2's trend is published now (the test above). Then in 2026-Q1:
		// more answers agree, twelve clients came in, twelve boetes were imposed.
		await db.execute(
			sql`update survey_tally_split set count = count + 12 where quarter = ${CHANGED} and value = 5`
		);
		const [g] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		const [staff] = await db
			.select({ id: user.id })
			.from(user)
			.where(eq(user.email, 'sanne.devries@wegwijs.example'));
		const users = await db
			.insert(user)
			.values(
				Array.from({ length: 12 }, (_, i) => ({
					displayName: `Laat ${i}`,
					roles: ['client' as const]
				}))
			)
			.returning({ id: user.id });
		const late = await db
			.insert(client)
			.values(
				users.map((u, i) => ({
					userId: u.id,
					clientNumber: `LAAT-${i}`,
					gemeenteId: g!.id,
					birthDate: '1990-01-01',
					benefitStart: '2026-02-02'
				}))
			)
			.returning({ id: client.id });
		await db.insert(handhaving).values(
			late.map((c) => ({
				clientId: c.id,
				kind: 'boete' as const,
				decidedOn: '2026-03-02',
				countedInQuarter: '2026-Q1',
				amountCents: 15_000,
				reason: 'Inkomsten niet op tijd doorgegeven.',
				createdBy: staff!.id
			}))
		);

		let changedCells = 0;
		for (const selection of selections) {
			const frozen = (await publishedReport(db, ask(CHANGED, selection), later))!;
			const live = (await buildReport(db, ask(CHANGED, selection), later))!;
			// The later report (2026-Q3, published now, its trend up to 2026-Q3).
			const next = (await publishedReport(db, ask('2026-Q3', selection), later))!;
			const items = next.trend.items.map((i) => i.code);
			const inTrend = trendPoint(next, CHANGED);
			expect(inTrend, selection ?? 'dienst').toEqual(ownFigures(frozen, items));
			// The change shows when the quarter is built again, so the trend read the frozen one.
			if (JSON.stringify(ownFigures(live, items)) !== JSON.stringify(inTrend)) changedCells++;
		}
		expect(changedCells).toBeGreaterThan(0);
	}, 600_000);
});
