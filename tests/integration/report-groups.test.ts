import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import {
	client,
	gemeente,
	instrument,
	instrumentUse,
	ladderStep,
	segmentHistory,
	survey,
	surveyResponse,
	type Segment,
	type SurveyTrigger
} from '../../src/lib/server/db/schema';
import { buildReport } from '../../src/lib/server/report/report';
import { publishedReport } from '../../src/lib/server/report/periods';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { addToTally } from '../../src/lib/server/surveys/surveys';
import { importClients } from '../../src/lib/server/import/clients';
import { buildFixture } from './km-fixture';
import type { Db } from '../../src/lib/server/db/open';
import { reportClients } from './report-clients';

// Issue #13 point 6, the groups a council reads figures by (docs/REPORT.md "Indicator
// definitions"): the segment as it was in the period, the later ladder record on one day, the
// languages the gemeente offers, results per survey trigger and the trend's version warning.
// One gemeente of its own, so every figure is this test's and no other gemeente's cell is
// protected with it.

const now = new Date('2026-05-13T08:00:00Z');
const ask = (quarter: string) => ({ quarter, period: 'quarter', gemeente: 'historie' }) as const;
const t = (k: string) => k;

describeEachDatabase('report groups', (database) => {
	let m: string;
	const newClients = (db: Db, count: number, segment: Segment | null) =>
		reportClients(
			db,
			{ gemeenteId: m, count, prefix: 'H', benefitStart: '2024-01-01' },
			{ segment }
		);

	it('sets up a gemeente offering Dutch, Turkish and Ukrainian', async () => {
		const { db } = database();
		const [g] = await db
			.insert(gemeente)
			.values({ code: 'historie', name: 'Historie', languages: ['nl', 'tr', 'uk'] })
			.returning();
		m = g!.id;
	});

	it('writes segment history for every insert and every change of a segment', async () => {
		const { db } = database();
		const [c] = await newClients(db, 1, 'werk');
		const first = await db.select().from(segmentHistory).where(eq(segmentHistory.clientId, c!.id));
		expect(first.map((h) => [h.validFrom, h.segment])).toEqual([['2024-01-01', 'werk']]);
		await db.update(client).set({ segment: 'meedoen' }).where(eq(client.id, c!.id));
		// Any other column changed writes nothing.
		await db.update(client).set({ statushouder: true }).where(eq(client.id, c!.id));
		const after = await db
			.select()
			.from(segmentHistory)
			.where(eq(segmentHistory.clientId, c!.id))
			.orderBy(segmentHistory.validFrom);
		expect(after.map((h) => h.segment)).toEqual(['werk', 'meedoen']);
		// A change is valid from the day it was made, never from before the benefit started.
		expect(after[1]!.validFrom > '2024-01-01').toBe(true);
		await db.delete(client).where(eq(client.id, c!.id));
	});

	it('reports the segment as it was in the period: a re-classification leaves past quarters alone', async () => {
		const { db } = database();
		const [ins] = await db
			.insert(instrument)
			.values({ code: 'historie-coaching', segments: ['werk', 'meedoen'] })
			.returning();
		const list = await newClients(db, 12, 'werk');
		await db.insert(instrumentUse).values(
			list.map((c) => ({
				clientId: c.id,
				instrumentId: ins!.id,
				startDate: '2024-06-01',
				plannedEndDate: '2026-12-31'
			}))
		);
		// Re-classified as meedoen from 1 May 2025 on (the history row a change writes, dated).
		await db
			.insert(segmentHistory)
			.values(
				list.map((c) => ({ clientId: c.id, validFrom: '2025-05-01', segment: 'meedoen' as const }))
			);
		await db.execute(
			sql`update client set segment = 'meedoen' where gemeente_id = ${m} and segment = 'werk'`
		);
		const q1 = (await buildReport(db, ask('2025-Q1'), now))!;
		const q2 = (await buildReport(db, ask('2025-Q2'), now))!;
		const bestand = (r: typeof q1, k: string) =>
			r.bestand.segment.rows.find((x) => x.key === k)?.cells.n ?? { n: 0, hidden: false };
		const running = (r: typeof q1, k: string) =>
			r.uses.bySegment.rows.find((x) => x.key === k)?.cells.running ?? { n: 0, hidden: false };
		expect(bestand(q1, 'werk')).toEqual({ n: 12, hidden: false });
		expect(bestand(q1, 'meedoen')).toEqual({ n: 0, hidden: false });
		expect(running(q1, 'werk')).toEqual({ n: 12, hidden: false });
		expect(bestand(q2, 'meedoen')).toEqual({ n: 12, hidden: false });
		expect(bestand(q2, 'werk')).toEqual({ n: 0, hidden: false });
		expect(running(q2, 'meedoen')).toEqual({ n: 12, hidden: false });
	});

	it('ladder: on a day with two records the one written later counts, not the higher step', async () => {
		const { db } = database();
		const down = await newClients(db, 12, 'meedoen');
		const up = await newClients(db, 12, 'meedoen');
		for (const [list, first, second] of [
			[down, 5, 2],
			[up, 2, 5]
		] as const) {
			await db
				.insert(ladderStep)
				.values(list.map((c) => ({ clientId: c.id, step: 3, recordedAt: '2025-01-10' })));
			await db
				.insert(ladderStep)
				.values(list.map((c) => ({ clientId: c.id, step: first, recordedAt: '2025-05-01' })));
			await db
				.insert(ladderStep)
				.values(list.map((c) => ({ clientId: c.id, step: second, recordedAt: '2025-05-01' })));
		}
		const r = (await buildReport(db, ask('2025-Q2'), now))!;
		const cell = (k: string) =>
			r.effect.ladder.rows.find((x) => x.key === k)?.cells.n ?? { n: 0, hidden: false };
		expect(cell('down')).toEqual({ n: 12, hidden: false });
		expect(cell('up')).toEqual({ n: 12, hidden: false });
		expect(cell('same')).toEqual({ n: 0, hidden: false });
	});

	async function answer(
		db: Db,
		surveyId: string,
		trigger: SurveyTrigger,
		quarter: string,
		language: string,
		count: number
	) {
		for (let i = 0; i < count; i++) {
			const response = {
				gemeenteId: m,
				quarter,
				segment: 'werk' as const,
				instrumentId: null,
				trigger,
				language,
				surveyId,
				answers: { serious: i % 5 === 0 ? 2 : 4 },
				late: false
			};
			await db.transaction(async (tx) => {
				await tx.insert(surveyResponse).values(response);
				await addToTally(tx, response);
			});
		}
	}

	it('language groups are the languages the gemeente offers; the small ones are suppressed with a second cell', async () => {
		const { db } = database();
		const items = [{ code: 'serious', type: 'agree5' as const }];
		const [appointment] = await db
			.insert(survey)
			.values({ trigger: 'appointment', version: 1, items, active: true })
			.returning();
		const [periodic] = await db
			.insert(survey)
			.values({ trigger: 'periodic', version: 1, items, active: true })
			.returning();
		await answer(db, appointment!.id, 'appointment', '2025-Q2', 'nl', 20);
		await answer(db, periodic!.id, 'periodic', '2025-Q2', 'tr', 12);
		await answer(db, periodic!.id, 'periodic', '2025-Q2', 'uk', 4);
		// Somali and Arabic are not offered here: "Andere taal".
		await answer(db, periodic!.id, 'periodic', '2025-Q2', 'so', 3);
		await answer(db, periodic!.id, 'periodic', '2025-Q2', 'ar', 8);
		const r = (await buildReport(db, ask('2025-Q2'), now))!;
		const serious = r.satisfaction.find((i) => i.code === 'serious')!;
		const lang = Object.fromEntries(serious.splits.language.map((s) => [s.key, s.cell]));
		expect(Object.keys(lang)).toEqual(['nl', 'tr', 'uk', 'other']);
		expect(lang.nl!.n).toBe(20);
		expect(lang.tr!.n).toBe(12);
		expect(lang.uk!.hidden).toBe('primary');
		// Otherwise the total minus the shown groups would give Ukrainian away.
		expect(serious.total.n).toBe(47);
		expect(lang.other!.hidden).toBe('secondary');
		const table = reportTables(r, t).find((x) => x.id === 'satisfaction-language')!;
		expect(table.columns).toContain('report.category.language.tr');
		expect(table.columns).toContain('report.category.language.uk');
		expect(table.columns).not.toContain('report.category.language.ar');
	});

	it('reports satisfaction per survey trigger', async () => {
		const { db } = database();
		const r = (await buildReport(db, ask('2025-Q2'), now))!;
		const serious = r.satisfaction.find((i) => i.code === 'serious')!;
		const byTrigger = Object.fromEntries(serious.splits.trigger.map((s) => [s.key, s.cell]));
		expect(byTrigger.appointment).toMatchObject({ n: 20, share: 16 / 20, hidden: false });
		expect(byTrigger.periodic).toMatchObject({ n: 27, hidden: false });
		const table = reportTables(r, t).find((x) => x.id === 'satisfaction-trigger')!;
		expect(table.columns).toContain('report.category.trigger.appointment');
		expect(table.columns).toContain('report.category.trigger.periodic');
	});

	it('the trend warns in the quarter the survey version changed, not before or after', async () => {
		const { db } = database();
		const items = [{ code: 'serious', type: 'agree5' as const }];
		const [v2] = await db
			.insert(survey)
			.values({ trigger: 'appointment', version: 2, items, active: true })
			.returning();
		const [v1] = await db
			.select()
			.from(survey)
			.where(sql`${survey.trigger} = 'appointment' and ${survey.version} = 1`);
		await answer(db, v1!.id, 'appointment', '2025-Q1', 'nl', 12);
		// 2025-Q2 has version 1 of the appointment survey and the periodic one (a trigger
		// answered for the first time is no version change).
		await answer(db, v2!.id, 'appointment', '2025-Q3', 'nl', 12);
		await answer(db, v2!.id, 'appointment', '2025-Q4', 'nl', 12);
		const r = (await buildReport(db, ask('2025-Q4'), now))!;
		expect(r.trend.versionChanged).toEqual(['2025-Q3']);
		const table = reportTables(r, t).find((x) => x.id === 'trend')!;
		expect(table.columns.filter((c) => c === 'report.trend.newVersion')).toHaveLength(1);
	});

	it('a published quarter stays in the trend as it was published, also after a late answer', async () => {
		const { db } = database();
		const published = (await publishedReport(db, ask('2025-Q2'), now))!;
		const frozen = published.satisfaction.find((i) => i.code === 'serious')!.total;
		expect(frozen.n).toBe(47);
		const [appointment] = await db
			.select()
			.from(survey)
			.where(sql`${survey.trigger} = 'appointment' and ${survey.version} = 1`);
		// Five answers to 2025-Q2 arrive after it was published (all "disagree": the share moves).
		for (let i = 0; i < 5; i++) {
			const response = {
				gemeenteId: m,
				quarter: '2025-Q2',
				segment: 'werk' as const,
				instrumentId: null,
				trigger: 'appointment' as const,
				language: 'nl',
				surveyId: appointment!.id,
				answers: { serious: 1 },
				late: true
			};
			await db.transaction(async (tx) => {
				await tx.insert(surveyResponse).values(response);
				await addToTally(tx, response);
			});
		}
		const r = (await buildReport(db, ask('2025-Q4'), now))!;
		const point = r.trend.items
			.find((i) => i.code === 'serious')!
			.points.find((p) => p.quarter === '2025-Q2')!;
		// The council's 2025-Q2 report and the later trend show the same figure.
		expect(point).toEqual({
			quarter: '2025-Q2',
			share: frozen.share,
			low: frozen.low,
			high: frozen.high,
			hidden: frozen.hidden
		});
	});
});

describeEachDatabase('segment history from the import', (database) => {
	it('an import that re-classifies a client adds to the history and keeps the first segment', async () => {
		const { db } = database();
		const f = await buildFixture(db);
		const file = (segment: string) =>
			new TextEncoder().encode(
				'Cliëntnummer;Naam;Geboortedatum;Gemeente;Uitkering sinds;Doelgroep;Taal;Statushouder;Telefoon;E-mail;Klantmanager\r\n' +
					`SH-1;Sam de Wit;12-04-1990;lindewaard;01-01-2025;${segment};nl;nee;;;\r\n`
			);
		async function* once(bytes: Uint8Array) {
			yield bytes;
		}
		const run = (segment: string) =>
			importClients(db, f.lead.id, once(file(segment)), { apply: true, fileName: 'sh.csv' });
		expect(await run('werk')).toMatchObject({ ok: true, created: 1 });
		expect(await run('meedoen')).toMatchObject({ ok: true, updated: 1 });
		// The same file again changes nothing, in the history neither.
		expect(await run('meedoen')).toMatchObject({ ok: true, unchanged: 1 });
		const history = await db
			.select({ validFrom: segmentHistory.validFrom, segment: segmentHistory.segment })
			.from(segmentHistory)
			.innerJoin(client, eq(client.id, segmentHistory.clientId))
			.where(eq(client.clientNumber, 'SH-1'))
			.orderBy(segmentHistory.validFrom);
		expect(history.map((h) => h.segment)).toEqual(['werk', 'meedoen']);
		expect(history[0]!.validFrom).toBe('2025-01-01');
	});
});
