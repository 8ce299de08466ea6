import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import {
	benefitPeriod,
	client,
	gemeente,
	instrument,
	instrumentUse,
	ladderStep,
	outflow,
	user
} from '../../src/lib/server/db/schema';
import { NORM_INDICATORS, normsForYear, setNorm } from '../../src/lib/server/report/norms';
import { buildReport, type Report } from '../../src/lib/server/report/report';
import {
	clientEffect,
	effectWithin,
	type EffectWindow
} from '../../src/lib/server/report/indicators';
import type { Db } from '../../src/lib/server/db/open';
import { rows } from '../../src/lib/server/report/rows';
import { reportTables } from '../../src/lib/server/report/report-tables';

// The council's definitions (issue #13 point 6, docs/REPORT.md "Indicator definitions"),
// pinned at their boundaries against the raw tables and the pure rules, on both databases.

const now = new Date('2026-08-13T08:00:00Z');
const QUARTER = '2026-Q2';

async function newClient(db: Db, gemeenteId: string, n: number) {
	const [u] = await db
		.insert(user)
		.values({ displayName: `Def ${n}`, roles: ['client'] })
		.returning();
	const [c] = await db
		.insert(client)
		.values({
			userId: u!.id,
			clientNumber: `D-${n}`,
			gemeenteId,
			birthDate: '1990-01-01',
			benefitStart: '2024-01-01',
			segment: 'werk'
		})
		.returning();
	return c!;
}

/** The effect of the whole dienst as the pure rule gives it from the raw tables. */
async function expectedEffect(db: Db, window: EffectWindow, from: string, to: string) {
	const uses = (await db.select().from(instrumentUse)).filter(
		(u) => u.endDate !== null && u.endDate >= from && u.endDate <= to
	);
	const outs = await db.select().from(outflow);
	const byClient = new Map<string, { startDate: string; endDate: string }[]>();
	for (const u of uses)
		byClient.set(u.clientId, [
			...(byClient.get(u.clientId) ?? []),
			{ startDate: u.startDate, endDate: u.endDate! }
		]);
	let n = 0;
	let k = 0;
	for (const [id, list] of byClient) {
		const v = clientEffect(
			list,
			outs.filter((o) => o.clientId === id),
			window,
			'2026-07-01'
		);
		if (v === 'left') continue;
		n++;
		if (v === 'yes') k++;
	}
	// Trajecten: per client and instrument, the last use of the period not left during it.
	const last = new Map<string, (typeof uses)[number]>();
	for (const u of uses) {
		const mine = outs.filter((o) => o.clientId === u.clientId);
		if (
			effectWithin({ startDate: u.startDate, endDate: u.endDate! }, mine, window, '2026-07-01') ===
			'left'
		)
			continue;
		const id = `${u.clientId}|${u.instrumentId}`;
		const seen = last.get(id);
		if (!seen || u.endDate! > seen.endDate!) last.set(id, u);
	}
	let trajecten = 0;
	for (const u of last.values()) {
		const mine = outs.filter((o) => o.clientId === u.clientId);
		if (
			effectWithin({ startDate: u.startDate, endDate: u.endDate! }, mine, window, '2026-07-01') ===
			'yes'
		)
			trajecten++;
	}
	return { n, k, trajecten: last.size, trajectenHit: trajecten };
}

/** The documented minimum for a norm colour (docs/REPORT.md "Norm colours"). */
const NORM_MIN_N = 30;

const pick = (r: Report, w: 'during' | 'within6' | 'within12') => r.effect[w];

describeEachDatabase('council definitions', (database) => {
	let lw: string;
	let jobcoaching: string;
	let training: string;

	it('seeds the demo', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const [g] = await db.select().from(gemeente).where(eq(gemeente.code, 'lindewaard'));
		lw = g!.id;
		const ins = await db.select().from(instrument);
		jobcoaching = ins.find((i) => i.code === 'jobcoaching')!.id;
		training = ins.find((i) => i.code !== 'jobcoaching')!.id;
	}, 180_000);

	it('the demo has norms, so the report shows verdicts', async () => {
		const { db } = database();
		expect((await normsForYear(db, 2026)).length).toBe(NORM_INDICATORS.length);
		expect((await normsForYear(db, 2025)).length).toBe(NORM_INDICATORS.length);
		const r = (await buildReport(
			db,
			{ quarter: QUARTER, period: 'quarter', gemeente: null },
			now
		))!;
		const verdicts = [
			...r.satisfaction.map((i) => i.colour?.colour),
			r.grade?.colourMean?.colour,
			r.responseColour?.colour,
			r.effect.within6.colour?.colour
		].filter(Boolean);
		expect(verdicts.length).toBeGreaterThanOrEqual(5);
	});

	it('effect: a client with two instruments, an instrument ended by outflow, the day a window closes', async () => {
		const { db } = database();
		let n = 500;
		// Twelve clients of each kind, so no cell of theirs is hidden on its own.
		for (let i = 0; i < 12; i++) {
			// Two instruments ended in 2025-Q4; work on the last day of the later one's 6-month
			// window (2026-06-30 for an end on 2025-12-31): one client, one hit, two trajecten.
			const two = await newClient(db, lw, n++);
			await db.insert(instrumentUse).values([
				{
					clientId: two.id,
					instrumentId: jobcoaching,
					startDate: '2025-05-01',
					endDate: '2025-10-15',
					outcome: 'completed'
				},
				{
					clientId: two.id,
					instrumentId: training,
					startDate: '2025-09-01',
					endDate: '2025-12-31',
					outcome: 'completed'
				}
			]);
			await db.insert(outflow).values({
				clientId: two.id,
				benefitStart: '2024-01-01',
				date: '2026-06-30',
				reason: 'werk'
			});
			// Ended by outflow to work in 2025-Q4: a hit "during" in that quarter, out of the
			// after base in 2026-Q2 (the old window counted it as a hit by construction).
			const ended = await newClient(db, lw, n++);
			await db.insert(instrumentUse).values({
				clientId: ended.id,
				instrumentId: jobcoaching,
				startDate: '2025-06-01',
				endDate: '2025-11-20',
				outcome: 'work_found'
			});
			await db.insert(outflow).values({
				clientId: ended.id,
				benefitStart: '2024-01-01',
				date: '2025-11-20',
				reason: 'werk'
			});
			// Work a day after the window closed (end 2025-10-31 + 6 months = 2026-04-30).
			const late = await newClient(db, lw, n++);
			await db.insert(instrumentUse).values({
				clientId: late.id,
				instrumentId: jobcoaching,
				startDate: '2025-06-01',
				endDate: '2025-10-31',
				outcome: 'completed'
			});
			await db.insert(outflow).values({
				clientId: late.id,
				benefitStart: '2024-01-01',
				date: '2026-05-01',
				reason: 'werk'
			});
		}
		const r = (await buildReport(
			db,
			{ quarter: QUARTER, period: 'quarter', gemeente: null },
			now
		))!;
		const e6 = pick(r, 'within6');
		expect([e6.from, e6.to]).toEqual(['2025-10-01', '2025-12-31']);
		const want6 = await expectedEffect(db, 6, '2025-10-01', '2025-12-31');
		// Once per client: the base is clients, not client × instrument pairs.
		expect(e6.total.n).toBe(want6.n);
		expect(Math.round(e6.total.share! * e6.total.n!)).toBe(want6.k);
		expect(e6.trajecten.n).toBe(want6.trajecten);
		expect(Math.round(e6.trajecten.share! * e6.trajecten.n!)).toBe(want6.trajectenHit);
		expect(e6.trajecten.n!).toBeGreaterThan(e6.total.n!);

		const q4 = (await buildReport(
			db,
			{ quarter: '2025-Q4', period: 'quarter', gemeente: null },
			now
		))!;
		const during = pick(q4, 'during');
		expect([during.from, during.to]).toEqual(['2025-10-01', '2025-12-31']);
		const wantDuring = await expectedEffect(db, 'during', '2025-10-01', '2025-12-31');
		expect(during.total.n).toBe(wantDuring.n);
		expect(Math.round(during.total.share! * during.total.n!)).toBe(wantDuring.k);
		expect(wantDuring.k).toBeGreaterThanOrEqual(12);

		const y = (await buildReport(
			db,
			{ quarter: '2026-Q4', period: 'quarter', gemeente: null },
			now
		))!;
		const e12 = pick(y, 'within12');
		const want12 = await expectedEffect(db, 12, '2025-10-01', '2025-12-31');
		expect(e12.total.n).toBe(want12.n);
		expect(Math.round(e12.total.share! * e12.total.n!)).toBe(want12.k);
	});

	it(`norm colour only at n ≥ ${NORM_MIN_N}, "onzeker" when the interval straddles the norm`, async () => {
		const { db } = database();
		const [admin] = await db.select().from(user).where(eq(user.demoKey, 'admin'));
		const build = (g: string | null) =>
			buildReport(db, { quarter: QUARTER, period: 'quarter', gemeente: g }, now) as Promise<Report>;
		const all = await build(null);
		const perGemeente = await Promise.all(all.gemeenten.map((g) => build(g.code)));
		// An item with enough answers for the dienst and fewer than the minimum in a gemeente.
		const item = all.satisfaction.find(
			(i) =>
				i.total.n !== null &&
				i.total.n >= NORM_MIN_N &&
				perGemeente.some((r) => {
					const x = r.satisfaction.find((y) => y.code === i.code)?.total.n;
					return x !== null && x !== undefined && x < NORM_MIN_N;
				})
		)!;
		expect(item).toBeDefined();
		const share = item.total.share! * 100;
		// The norm at the figure itself: the interval runs across it.
		await setNorm(db, {
			indicator: `agree.${item.code}` as 'agree.serious',
			year: 2026,
			green: Math.round(share),
			orange: 0,
			userId: admin!.id
		});
		let r = await build(null);
		expect(r.satisfaction.find((i) => i.code === item.code)!.colour?.colour).toBe('uncertain');
		// A norm below the whole interval: green.
		await setNorm(db, {
			indicator: `agree.${item.code}` as 'agree.serious',
			year: 2026,
			green: Math.floor(item.total.low! * 100) - 1,
			orange: 0,
			userId: admin!.id
		});
		r = await build(null);
		expect(r.satisfaction.find((i) => i.code === item.code)!.colour?.colour).toBe('green');
		// A gemeente where the same item has fewer answers than the minimum: no colour, though
		// its share is far above the norm.
		const small = [];
		for (const g of all.gemeenten) {
			const x = (await build(g.code)).satisfaction.find((i) => i.code === item.code);
			if (x && x.total.n !== null && x.total.n < NORM_MIN_N) small.push(x);
		}
		expect(small.length).toBeGreaterThan(0);
		for (const x of small) expect(x.colour?.colour).toBe('few');
	});

	it('response rate: of the invitations sent in the period, the share answered (never above 100%)', async () => {
		const { db } = database();
		const r = (await buildReport(
			db,
			{ quarter: QUARTER, period: 'quarter', gemeente: 'lindewaard' },
			now
		))!;
		const [row] = await rows(
			db,
			sql`select count(*)::int as n,
				count(*) filter (where i.answered_at is not null)::int as k
			from survey_invitation i join client c on c.id = i.client_id
			where c.gemeente_id = ${lw}
				and (i.created_at at time zone 'Europe/Amsterdam')::date between '2026-04-01' and '2026-06-30'`
		);
		expect(Number(row!.n)).toBeGreaterThanOrEqual(10);
		expect(r.methods.invited.n).toBe(Number(row!.n));
		expect(r.methods.invitedAnswered.n).toBe(Number(row!.k));
		expect(r.methods.responseRate).toBeCloseTo(Number(row!.k) / Number(row!.n), 10);
		expect(r.methods.responseRate!).toBeLessThanOrEqual(1);
	});

	it('ladder: movement only among clients measured again in the period; the others are "niet opnieuw gemeten"', async () => {
		const { db } = database();
		let n = 700;
		for (let i = 0; i < 12; i++) {
			// Step 3 before the period and nothing in it: not measured again (was "gelijk").
			const still = await newClient(db, lw, n++);
			await db.insert(ladderStep).values({ clientId: still.id, step: 3, recordedAt: '2025-12-01' });
			// Measured again on the first day of the period, one step up.
			const up = await newClient(db, lw, n++);
			await db.insert(ladderStep).values([
				{ clientId: up.id, step: 3, recordedAt: '2026-03-31' },
				{ clientId: up.id, step: 4, recordedAt: '2026-04-01' }
			]);
		}
		const r = (await buildReport(
			db,
			{ quarter: QUARTER, period: 'quarter', gemeente: 'lindewaard' },
			now
		))!;
		// The same from the raw tables: clients of Lindewaard in the bestand at the start (a
		// benefit period open on 31 March: started by then, no outflow of it on or before that
		// day) with a step before the period.
		const steps = await db.select().from(ladderStep);
		const clients = await db.select().from(client).where(eq(client.gemeenteId, lw));
		const outs = await db.select().from(outflow);
		const periods = await db.select().from(benefitPeriod);
		const want: Record<string, number> = {};
		const dayBefore = '2026-03-31';
		for (const c of clients) {
			const starts = new Set([
				c.benefitStart,
				...periods.filter((p) => p.clientId === c.id).map((p) => p.start),
				...outs.filter((o) => o.clientId === c.id).map((o) => o.benefitStart)
			]);
			const open = [...starts].some(
				(start) =>
					start <= dayBefore &&
					!outs.some((o) => o.clientId === c.id && o.benefitStart === start && o.date <= dayBefore)
			);
			if (!open) continue;
			const mine = steps.filter((x) => x.clientId === c.id);
			const last = (list: typeof mine) =>
				list.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.seq - b.seq).at(-1);
			const before = last(mine.filter((x) => x.recordedAt < '2026-04-01'));
			if (!before) continue;
			const during = last(
				mine.filter((x) => x.recordedAt >= '2026-04-01' && x.recordedAt <= '2026-06-30')
			);
			const k = !during
				? 'unmeasured'
				: during.step > before.step
					? 'up'
					: during.step < before.step
						? 'down'
						: 'same';
			want[k] = (want[k] ?? 0) + 1;
		}
		expect(want.unmeasured).toBeGreaterThanOrEqual(12);
		const rows = r.effect.ladder.rows;
		for (const k of ['up', 'same', 'down', 'unmeasured']) {
			const cell = rows.find((x) => x.key === k)?.cells.n ?? { n: 0, hidden: false };
			if (cell.hidden === false) expect(cell.n, k).toBe(want[k] ?? 0);
		}
		expect(rows.find((x) => x.key === 'unmeasured')?.cells.n.hidden).toBe(false);
	});

	it('answers not given after an instrument are "niet na een instrument", not "niet ingedeeld"', async () => {
		const { db } = database();
		const r = (await buildReport(
			db,
			{ quarter: QUARTER, period: 'quarter', gemeente: null },
			now
		))!;
		const t = (k: string) => k;
		const table = reportTables(r, t).find((x) => x.id === 'satisfaction-instrument')!;
		expect(table.columns).toContain('report.category.noInstrument');
		expect(table.columns).not.toContain('report.category.none');
	});
});
