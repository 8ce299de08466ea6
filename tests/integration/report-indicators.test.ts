import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import {
	benefitPeriod,
	client,
	clientRequest,
	gemeente,
	message,
	outflow,
	plan,
	planAgreement,
	planVersion
} from '../../src/lib/server/db/schema';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import { publishedReport } from '../../src/lib/server/report/periods';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import type { Db } from '../../src/lib/server/db/open';
import { reportClients } from './report-clients';

// The indicators of issue #13 §7 (docs/DOMAIN.md "The council report"), each pinned at its
// boundaries on both databases: the day a window closes, a re-entry, a client with two
// benefit periods, the last minute of a quarter in Amsterdam. Twelve clients of each kind, so
// no figure is hidden by suppression; one gemeente, so the gemeente is the whole dienst.

const now = new Date('2026-08-13T08:00:00Z');
const QUARTER = '2026-Q2';
const EACH = 12;

/** `EACH` clients with the same facts; returns their ids. */
const clients = (db: Db, gemeenteId: string, facts: Partial<typeof client.$inferInsert> = {}) =>
	reportClients(db, { gemeenteId, count: EACH, prefix: 'IND', benefitStart: '2025-01-01' }, facts);

/** A client who left on `left` and came back on `back`: two benefit periods. */
async function reentered(
	db: Db,
	gemeenteId: string,
	p: { first: string; left: string; reason?: 'werk' | 'verhuizing'; back: string }
) {
	const list = await clients(db, gemeenteId, { benefitStart: p.back });
	for (const c of list) {
		await db.insert(benefitPeriod).values([
			{ clientId: c.id, start: p.first, source: 'intake' },
			{ clientId: c.id, start: p.back, source: 'reentry' }
		]);
		await db
			.insert(outflow)
			.values({ clientId: c.id, benefitStart: p.first, date: p.left, reason: p.reason ?? 'werk' });
	}
	return list;
}

async function left(
	db: Db,
	list: { id: string }[],
	benefitStart: string,
	date: string,
	reason: 'werk' | 'werk_lks' | 'verhuizing' = 'werk'
) {
	await db
		.insert(outflow)
		.values(list.map((c) => ({ clientId: c.id, benefitStart, date, reason })));
}

async function withPlan(
	db: Db,
	list: { id: string; userId: string }[],
	p: {
		versions: string[];
		agreed?: { version: number; at: string }[];
		reviewDate?: string | null;
	}
) {
	for (const c of list) {
		const [row] = await db
			.insert(plan)
			.values({
				clientId: c.id,
				goal: 'Werk',
				status: 'shared',
				version: p.versions.length,
				reviewDate: p.reviewDate ?? null
			})
			.returning({ id: plan.id });
		await db.insert(planVersion).values(
			p.versions.map((at, i) => ({
				planId: row!.id,
				version: i + 1,
				goal: 'Werk',
				steps: [],
				sharedAt: new Date(at)
			}))
		);
		for (const a of p.agreed ?? [])
			await db.insert(planAgreement).values({
				planId: row!.id,
				version: a.version,
				userId: c.userId,
				agreedAt: new Date(a.at)
			});
	}
}

async function asked(db: Db, list: { id: string }[], at: string, answered: string | null) {
	await db.insert(message).values(
		list.map((c) => ({
			clientId: c.id,
			fromClient: true,
			body: 'Vraag',
			createdAt: new Date(at),
			answeredAt: answered ? new Date(answered) : null
		}))
	);
}

describeEachDatabase('council report: the missing indicators', (database) => {
	let report: Report;
	let previous: Report;

	beforeAll(async () => {
		const { db } = database();
		const [g] = await db
			.insert(gemeente)
			.values({ code: 'ind', name: 'Indicatorstad' })
			.returning({ id: gemeente.id });
		const lw = g!.id;

		// Outflow to work within a year of inflow: the cohort started in 2025-Q2.
		// Work on the start + 12 months exactly (2025-04-01 → 2026-04-01) counts.
		await left(
			db,
			await clients(db, lw, { benefitStart: '2025-04-01' }),
			'2025-04-01',
			'2026-04-01'
		);
		// A day later it does not.
		await left(
			db,
			await clients(db, lw, { benefitStart: '2025-04-01' }),
			'2025-04-01',
			'2026-04-02'
		);
		// Leaving for another reason is in the base and no hit.
		await left(
			db,
			await clients(db, lw, { benefitStart: '2025-06-30' }),
			'2025-06-30',
			'2025-08-01',
			'verhuizing'
		);
		// A re-entry in the cohort is an inflow of its own: the second period counts.
		const again = await reentered(db, lw, {
			first: '2023-01-01',
			left: '2025-03-01',
			back: '2025-05-01'
		});
		await left(db, again, '2025-05-01', '2026-03-01');

		// Duurzaamheid 6 months: outflow to work in 2025-Q4. Back on the outflow day + 6 months
		// (2025-12-31 → 2026-06-30): herinstroom; a day later: still off after 6 months.
		await reentered(db, lw, { first: '2024-01-01', left: '2025-12-31', back: '2026-06-30' });
		await reentered(db, lw, { first: '2024-01-01', left: '2025-12-31', back: '2026-07-01' });
		await left(
			db,
			await clients(db, lw, { benefitStart: '2024-01-01' }),
			'2024-01-01',
			'2025-10-01'
		);
		// Not to work: not in the duurzaamheid base.
		await left(
			db,
			await clients(db, lw, { benefitStart: '2024-01-01' }),
			'2024-01-01',
			'2025-11-01',
			'verhuizing'
		);
		// Duurzaamheid 12 months: outflow to work in 2025-Q2 (2025-04-01 + 12 months = 2026-04-01).
		await reentered(db, lw, { first: '2024-01-01', left: '2025-06-30', back: '2026-06-30' });
		await reentered(db, lw, { first: '2024-01-01', left: '2025-04-01', back: '2026-04-02' });

		// Duration on 2026-06-30: exactly 4 years is not "longer than 4 years"; a day more is.
		await clients(db, lw, { benefitStart: '2022-06-30' });
		await clients(db, lw, { benefitStart: '2022-06-29' });

		// Ontheffingen on 2026-06-30: review on the last day is on time, the day before is late.
		await clients(db, lw, { exemptionReason: 'Ziekte', exemptionReviewDate: '2026-06-30' });
		await clients(db, lw, { exemptionReason: 'Ziekte', exemptionReviewDate: '2026-06-29' });
		await clients(db, lw, { exemptionReason: 'Mantelzorg', exemptionReviewDate: null });

		// Plans: agreed at 23:59 on the last day (Amsterdam, summer time) counts, at 00:00 the
		// next day not; a second version shared in the quarter is a review; a review date on the
		// last day with no version shared since is overdue.
		await withPlan(db, await clients(db, lw), {
			versions: ['2026-01-10T09:00:00Z'],
			agreed: [{ version: 1, at: '2026-06-30T21:59:00Z' }]
		});
		await withPlan(db, await clients(db, lw), {
			versions: ['2026-01-10T09:00:00Z'],
			agreed: [{ version: 1, at: '2026-06-30T22:00:00Z' }]
		});
		await withPlan(db, await clients(db, lw), {
			versions: ['2025-01-10T09:00:00Z', '2026-05-01T09:00:00Z'],
			agreed: [{ version: 1, at: '2025-01-11T09:00:00Z' }],
			reviewDate: '2026-11-01'
		});
		await withPlan(db, await clients(db, lw), {
			versions: ['2026-01-10T09:00:00Z'],
			agreed: [{ version: 1, at: '2026-01-11T09:00:00Z' }],
			reviewDate: '2026-06-30'
		});

		// Answers. Asked on Friday 5 June: answered on Tuesday (2 working days) is quick, on
		// Wednesday (3) not. Asked at 23:30 on 30 June (Amsterdam) is in the quarter and still
		// waits; at 00:30 on 1 July it is not in the quarter.
		await asked(db, await clients(db, lw), '2026-06-05T10:00:00Z', '2026-06-09T10:00:00Z');
		await asked(db, await clients(db, lw), '2026-06-05T10:00:00Z', '2026-06-10T10:00:00Z');
		await asked(db, await clients(db, lw), '2026-06-30T21:30:00Z', null);
		await asked(db, await clients(db, lw), '2026-06-30T22:30:00Z', null);
		// Change requests: answered the same day, and not yet. The message that comes with a
		// request is not a question.
		const moved = await clients(db, lw);
		const waiting = await clients(db, lw);
		for (const [list, answered] of [
			[moved, '2026-05-04T14:00:00Z'],
			[waiting, null]
		] as const) {
			await db.insert(clientRequest).values(
				list.map((c) => ({
					clientId: c.id,
					kind: 'appointment_change' as const,
					createdAt: new Date('2026-05-04T08:00:00Z'),
					answeredAt: answered ? new Date(answered) : null,
					status: answered ? ('accepted' as const) : ('open' as const)
				}))
			);
			await db.insert(message).values(
				list.map((c) => ({
					clientId: c.id,
					fromClient: true,
					body: 'Ik kan niet',
					contextKind: 'appointment' as const,
					intent: 'cannot_come' as const,
					createdAt: new Date('2026-05-04T08:00:00Z'),
					answeredAt: answered ? new Date(answered) : null
				}))
			);
		}
		const q = { period: 'quarter' as const, gemeente: null };
		report = (await buildReport(db, { ...q, quarter: QUARTER }, now))!;
		previous = (await buildReport(db, { ...q, quarter: '2026-Q1' }, now))!;
	}, 120_000);

	it('outflow to work within a year of inflow: start + 12 months counts, a re-entry is an inflow', () => {
		const w = report.indicators!.workAfterInflow;
		expect([w.from, w.to]).toEqual(['2025-04-01', '2025-06-30']);
		expect(w.cell).toMatchObject({ n: 4 * EACH, hidden: false, share: 2 / 4 });
	});

	it('duurzaamheid: back on the day the window closes is herinstroom, a day later is not', () => {
		const [six, twelve] = report.indicators!.durability;
		expect(six).toMatchObject({ months: 6, from: '2025-10-01', to: '2025-12-31' });
		expect(six!.cell).toMatchObject({ n: 3 * EACH, share: 2 / 3, hidden: false });
		expect(twelve).toMatchObject({ months: 12, from: '2025-04-01', to: '2025-06-30' });
		expect(twelve!.cell).toMatchObject({ n: 2 * EACH, share: 1 / 2, hidden: false });
	});

	it('duration: exactly 4 years is 2–4 years, a day more is longer than 4 years', () => {
		const d = report.bestand.duration;
		const n = (k: string) => d.rows.find((r) => r.key === k)?.cells.n.n;
		expect(n('2-4')).toBe(EACH);
		expect(n('4+')).toBe(EACH);
		expect(report.indicators!.over4.cell).toMatchObject({
			n: d.total.cells.n.n,
			share: EACH / d.total.cells.n.n!,
			hidden: false
		});
	});

	it('ontheffingen: a review date on the last day is on time, the day before is late', () => {
		const e = report.indicators!.exemptions;
		const n = (k: string) => e.rows.find((r) => r.key === k)?.cells.n.n;
		expect(n('onTime')).toBe(EACH);
		expect(n('overdue')).toBe(EACH);
		expect(n('noReview')).toBe(EACH);
		// The categories add up to the bestand.
		expect(e.total.cells.n.n).toBe(report.bestand.segment.total.cells.n.n);
	});

	it('plans: agreed by 23:59 on the last day, a new version is a review, a passed review date is late', () => {
		const p = report.indicators!.plans;
		const cells = (k: string) => p.rows.find((r) => r.key === k)?.cells;
		expect(cells('agreed')).toMatchObject({
			n: { n: 2 * EACH },
			reviewed: { n: 0 },
			overdue: { n: EACH }
		});
		expect(cells('shared')).toMatchObject({
			n: { n: 2 * EACH },
			reviewed: { n: EACH },
			overdue: { n: 0 }
		});
		expect(p.agreed).toMatchObject({
			n: report.bestand.segment.total.cells.n.n,
			share: (2 * EACH) / report.bestand.segment.total.cells.n.n!
		});
	});

	it('answers: within 2 working days, the quarter ends at midnight in Amsterdam, a change request apart', () => {
		const [questions, changes] = report.indicators!.answers;
		expect(questions).toMatchObject({
			key: 'question',
			cell: { n: 3 * EACH, share: 1 / 3, hidden: false },
			median: 3
		});
		// Half answered the same day, half waiting: the middle falls between 0 and "not yet".
		expect(changes).toMatchObject({
			key: 'change',
			cell: { n: 2 * EACH, share: 1 / 2, hidden: false },
			median: null
		});
	});

	it('bestand trend: eight quarters, each the figures of that quarter, with the rates', () => {
		const t = report.indicators!.bestandTrend;
		expect(t.quarters).toHaveLength(8);
		expect(t.quarters.at(-1)).toBe(QUARTER);
		const last = t.points.at(-1)!;
		const before = t.points.at(-2)!;
		const b = report.bestand;
		expect(last.size).toEqual(b.segment.total.cells.n);
		expect(last.inflow).toEqual(b.inflow);
		expect(last.outflow).toEqual(b.outflow);
		expect(before.size).toEqual(previous.bestand.segment.total.cells.n);
		expect(before.inflow).toEqual(previous.bestand.inflow);
		expect(before.outflow).toEqual(previous.bestand.outflow);
		// Soest's definitions: inflow ÷ size at the end; outflow ÷ (inflow + size at the start).
		expect(last.inflowRate).toBeCloseTo(b.inflow.n! / b.segment.total.cells.n.n!, 10);
		expect(last.outflowRate).toBeCloseTo(b.outflow.n! / (b.inflow.n! + before.size.n!), 10);
		expect(report.indicators!.rates).toEqual({
			inflowRate: last.inflowRate,
			outflowRate: last.outflowRate
		});
	});

	// Changes the data: the last test of the suite.
	it('bestand trend: a published quarter stays as published, a later correction does not show', async () => {
		const { db } = database();
		const q1 = { quarter: '2026-Q1', period: 'quarter' as const, gemeente: null };
		const published = (await publishedReport(db, q1, now))!;
		// Twelve outflows registered late, dated in the published quarter.
		const [g] = await db.select({ id: gemeente.id }).from(gemeente);
		await left(
			db,
			await clients(db, g!.id, { benefitStart: '2024-01-01' }),
			'2024-01-01',
			'2026-02-02'
		);
		const live = (await buildReport(db, q1, now))!;
		expect(live.bestand.outflow.n).toBe(published.bestand.outflow.n! + EACH);
		const q2 = (await publishedReport(db, { ...q1, quarter: QUARTER }, now))!;
		const point = q2.indicators!.bestandTrend.points.find((p) => p.key === '2026-Q1')!;
		expect(point.outflow).toEqual(published.bestand.outflow);
		expect(point.size).toEqual(published.bestand.segment.total.cells.n);
	});

	it('every new table is in the CSV as on the page', () => {
		const tables = reportTables(report, (k) => k);
		for (const id of [
			'bestand-trend',
			'flow-rates',
			'duration-over4',
			'inflow-work',
			'durability',
			'exemptions',
			'plans',
			'answers'
		]) {
			const table = tables.find((x) => x.id === id);
			expect(table, id).toBeDefined();
			const csv = tableCsv(table!, (k) => k);
			expect(csv.split('\r\n').length, id).toBeGreaterThan(table!.rows.length);
		}
	});
});
