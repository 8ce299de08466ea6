import { expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	auditEvent,
	benefitPeriod,
	handhaving,
	reportSnapshot
} from '../../src/lib/server/db/schema';
import { AccessDenied } from '../../src/lib/server/caseload/caseload';
import * as hh from '../../src/lib/server/handhaving/handhaving';
import type { HandhavingInput } from '../../src/lib/server/handhaving/handhaving-form';
import { MAX_AMOUNT_CENTS } from '../../src/lib/server/handhaving/handhaving-rules';

// Handhaving on the client file (issue #13 §7, docs/DOMAIN.md "Handhaving"): only the client's
// klantmanager or team lead records, corrects and withdraws; every change is audited; the client
// reads their own with the last day for bezwaar.

const NOW = new Date('2026-12-01T10:00:00Z');

const maatregel: HandhavingInput = {
	kind: 'maatregel',
	decidedOn: '2026-11-20',
	ground: 'arbeid',
	percentage: 100,
	periodStart: '2026-12-01',
	periodEnd: '2026-12-31',
	reason: 'Niet op het sollicitatiegesprek gekomen zonder bericht.'
};

describeEachDatabase('handhaving on the client file', (database) => {
	let f: Fixture;
	let id: string;

	const rows = async (clientId: string) => {
		const { db } = database();
		return db.select().from(handhaving).where(eq(handhaving.clientId, clientId));
	};
	const events = async (action: string, clientId: string) => {
		const { db } = database();
		return db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, action), eq(auditEvent.clientId, clientId)))
			.orderBy(asc(auditEvent.at));
	};

	it('the klantmanager records a maatregel; the client reads it with the last day for bezwaar', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await hh.recordHandhaving(db, f.sanne, f.maryam.clientId, maatregel, NOW);
		expect(r.ok).toBe(true);
		id = (r as { id: string }).id;
		const [mine] = await hh.handhavingOfClient(db, f.maryam.clientId, NOW);
		expect(mine).toMatchObject({
			kind: 'maatregel',
			ground: 'arbeid',
			percentage: 100,
			periodStart: '2026-12-01',
			periodEnd: '2026-12-31',
			amountCents: null,
			reason: maatregel.reason,
			withdrawnOn: null,
			// Six weeks end on Nieuwjaarsdag (a Friday): the Algemene termijnenwet moves the last
			// day past it and the weekend to Monday 4 January.
			objectionUntil: '2027-01-04',
			objectionOpen: true
		});
		const onSaturday = await hh.handhavingOfClient(
			db,
			f.maryam.clientId,
			new Date('2027-01-02T10:00:00Z')
		);
		expect(onSaturday[0]!.objectionOpen).toBe(true);
		// After the last day the client still reads it; bezwaar is over.
		const later = await hh.handhavingOfClient(
			db,
			f.maryam.clientId,
			new Date('2027-01-05T10:00:00Z')
		);
		expect(later[0]!.objectionOpen).toBe(false);
		const [event] = await events('handhaving.create', f.maryam.clientId);
		expect(event!.actorId).toBe(f.sanne.id);
		expect(event!.detail).toMatchObject({
			handhavingId: id,
			after: { kind: 'maatregel', percentage: 100 }
		});
		// The klantmanager's words are not copied into the append-only audit log.
		expect(JSON.stringify(event!.detail)).not.toContain('sollicitatiegesprek');
	});

	it('a boete and a terugvordering keep an amount and no maatregel fields', async () => {
		const { db } = database();
		// The newest besluit first: the boete of 2 October before the terugvordering of 1 October.
		for (const [kind, decidedOn] of [
			['terugvordering', '2026-10-01'],
			['boete', '2026-10-02']
		] as const)
			expect(
				(
					await hh.recordHandhaving(
						db,
						f.sanne,
						f.maryam.clientId,
						{
							kind,
							decidedOn,
							amountCents: 125_050,
							reason: 'Inkomsten niet gemeld.'
						},
						NOW
					)
				).ok
			).toBe(true);
		const list = await hh.handhavingOfClient(db, f.maryam.clientId, NOW);
		expect(list.map((x) => x.kind)).toEqual(['maatregel', 'boete', 'terugvordering']);
		for (const x of list.slice(1))
			expect(x).toMatchObject({
				amountCents: 125_050,
				ground: null,
				percentage: null,
				periodStart: null
			});
	});

	it('only the client’s own klantmanager or their team lead may record; a refusal is audited and writes nothing', async () => {
		const { db } = database();
		const before = (await rows(f.maryam.clientId)).length;
		await expect(
			hh.recordHandhaving(db, f.ahmed, f.maryam.clientId, maatregel, NOW)
		).rejects.toThrow(AccessDenied);
		await expect(
			hh.withdrawHandhaving(
				db,
				f.ahmed,
				f.maryam.clientId,
				{ id, revision: 1, withdrawnOn: '2026-11-30', withdrawnReason: 'x' },
				NOW
			)
		).rejects.toThrow(AccessDenied);
		await expect(hh.handhavingForStaff(db, f.ahmed, f.maryam.clientId, NOW)).rejects.toThrow(
			AccessDenied
		);
		expect(await rows(f.maryam.clientId)).toHaveLength(before);
		expect((await events('client.denied', f.maryam.clientId)).length).toBeGreaterThanOrEqual(3);
		// Petra leads Sanne's team.
		expect((await hh.recordHandhaving(db, f.lead, f.maryam.clientId, maatregel, NOW)).ok).toBe(
			true
		);
		expect(await rows(f.maryam.clientId)).toHaveLength(before + 1);
	});

	it('refuses a besluit dated in the future; today is fine', async () => {
		const { db } = database();
		// Frans is Ahmed's.
		expect(
			await hh.recordHandhaving(
				db,
				f.ahmed,
				f.frans.clientId,
				{ ...maatregel, decidedOn: '2026-12-02' },
				NOW
			)
		).toEqual({ ok: false, error: 'in_future', field: 'decidedOn' });
		expect(await rows(f.frans.clientId)).toHaveLength(0);
		// 1 December in Amsterdam is "today" at NOW.
		expect(
			(
				await hh.recordHandhaving(
					db,
					f.ahmed,
					f.frans.clientId,
					{ ...maatregel, decidedOn: '2026-12-01' },
					NOW
				)
			).ok
		).toBe(true);
	});

	it('a correction needs the revision it started from; both are audited with before and after', async () => {
		const { db } = database();
		const corrected = { ...maatregel, percentage: 50, periodEnd: '2027-01-31', id, revision: 1 };
		expect(await hh.correctHandhaving(db, f.sanne, f.maryam.clientId, corrected, NOW)).toEqual({
			ok: true
		});
		// The second person still has revision 1 on screen: refused, nothing overwritten.
		expect(
			await hh.correctHandhaving(
				db,
				f.lead,
				f.maryam.clientId,
				{ ...corrected, percentage: 20 },
				NOW
			)
		).toEqual({ ok: false, error: 'conflict', field: 'form' });
		const [row] = (await rows(f.maryam.clientId)).filter((r) => r.id === id);
		expect(row).toMatchObject({
			percentage: 50,
			periodEnd: '2027-01-31',
			revision: 2,
			updatedBy: f.sanne.id
		});
		const [event] = await events('handhaving.correct', f.maryam.clientId);
		expect(event!.detail).toMatchObject({
			handhavingId: id,
			revision: 2,
			before: { percentage: 100, periodEnd: '2026-12-31' },
			after: { percentage: 50, periodEnd: '2027-01-31' },
			reasonChanged: false
		});
		// A correction to another kind clears the fields of the old kind.
		const asBoete = {
			kind: 'boete' as const,
			decidedOn: '2026-11-20',
			amountCents: 1000,
			reason: 'x',
			id,
			revision: 2
		};
		expect(await hh.correctHandhaving(db, f.sanne, f.maryam.clientId, asBoete, NOW)).toEqual({
			ok: true
		});
		const [again] = (await rows(f.maryam.clientId)).filter((r) => r.id === id);
		expect(again).toMatchObject({
			kind: 'boete',
			percentage: null,
			ground: null,
			periodStart: null,
			amountCents: 1000
		});
		expect(
			await hh.correctHandhaving(
				db,
				f.sanne,
				f.maryam.clientId,
				{ ...maatregel, id, revision: 3 },
				NOW
			)
		).toEqual({ ok: true });
	});

	it('an entry of another client is not found through this client', async () => {
		const { db } = database();
		const [frans] = await rows(f.frans.clientId);
		expect(
			await hh.correctHandhaving(
				db,
				f.sanne,
				f.maryam.clientId,
				{ ...maatregel, id: frans!.id, revision: 1 },
				NOW
			)
		).toEqual({ ok: false, error: 'not_found', field: 'form' });
		expect(
			await hh.withdrawHandhaving(
				db,
				f.sanne,
				f.maryam.clientId,
				{ id: frans!.id, revision: 1, withdrawnOn: '2026-12-01', withdrawnReason: 'x' },
				NOW
			)
		).toEqual({ ok: false, error: 'not_found', field: 'form' });
		expect((await rows(f.frans.clientId))[0]!.withdrawnOn).toBeNull();
	});

	it('withdrawing keeps the entry, marked; it is then neither corrected nor withdrawn again', async () => {
		const { db } = database();
		const w = (withdrawnOn: string, revision = 4) =>
			hh.withdrawHandhaving(
				db,
				f.sanne,
				f.maryam.clientId,
				{ id, revision, withdrawnOn, withdrawnReason: 'Bezwaar gegrond verklaard.' },
				NOW
			);
		expect(await w('2026-11-19')).toEqual({
			ok: false,
			error: 'withdrawn_before_decision',
			field: 'withdrawnOn'
		});
		expect(await w('2026-12-02')).toEqual({ ok: false, error: 'in_future', field: 'withdrawnOn' });
		expect(await w('2026-11-30', 3)).toEqual({ ok: false, error: 'conflict', field: 'form' });
		expect(await w('2026-11-30')).toEqual({ ok: true });
		expect(await w('2026-11-30', 5)).toEqual({ ok: false, error: 'withdrawn', field: 'form' });
		expect(
			await hh.correctHandhaving(
				db,
				f.sanne,
				f.maryam.clientId,
				{ ...maatregel, id, revision: 5 },
				NOW
			)
		).toEqual({ ok: false, error: 'withdrawn', field: 'form' });
		const mine = (await hh.handhavingOfClient(db, f.maryam.clientId, NOW)).find((x) => x.id === id);
		expect(mine!.withdrawnOn).toBe('2026-11-30');
		const [event] = await events('handhaving.withdraw', f.maryam.clientId);
		expect(event!.detail).toMatchObject({ handhavingId: id, until: '2026-11-30' });
		const staffView = (await hh.handhavingForStaff(db, f.sanne, f.maryam.clientId, NOW)).find(
			(x) => x.id === id
		);
		expect(staffView).toMatchObject({
			revision: 5,
			withdrawnReason: 'Bezwaar gegrond verklaard.',
			recordedBy: 'Sanne'
		});
	});

	it('the database itself refuses a row whose fields do not fit its kind', async () => {
		const { db } = database();
		const base = {
			clientId: f.frans.clientId,
			decidedOn: '2026-11-01',
			countedInQuarter: '2026-Q4',
			reason: 'x'
		};
		const bad = [
			{
				...base,
				kind: 'maatregel' as const,
				percentage: 20,
				periodStart: '2026-12-01',
				periodEnd: '2026-12-31'
			},
			{
				...base,
				kind: 'maatregel' as const,
				ground: 'arbeid' as const,
				percentage: 101,
				periodStart: '2026-12-01',
				periodEnd: '2026-12-31'
			},
			{
				...base,
				kind: 'maatregel' as const,
				ground: 'arbeid' as const,
				percentage: 20,
				periodStart: '2026-12-01',
				periodEnd: '2026-11-30'
			},
			{ ...base, kind: 'boete' as const },
			{ ...base, kind: 'boete' as const, amountCents: 0 },
			{ ...base, kind: 'terugvordering' as const, amountCents: 100, percentage: 20 },
			// Above the form's € 1,000,000: written by a seed, a script or an import, not typed.
			{ ...base, kind: 'terugvordering' as const, amountCents: MAX_AMOUNT_CENTS + 1 }
		];
		for (const row of bad)
			await expect(db.insert(handhaving).values(row), JSON.stringify(row)).rejects.toThrow();
		expect(await rows(f.frans.clientId)).toHaveLength(1);
	});

	it('the database takes an amount up to the limit of the form, € 1,000,000', async () => {
		const { db } = database();
		const row = {
			clientId: f.frans.clientId,
			decidedOn: '2026-11-01',
			countedInQuarter: '2026-Q4',
			reason: 'x',
			kind: 'terugvordering' as const,
			amountCents: MAX_AMOUNT_CENTS
		};
		const [stored] = await db.insert(handhaving).values(row).returning();
		expect(stored!.amountCents).toBe(100_000_000);
		await db.delete(handhaving).where(eq(handhaving.id, stored!.id));
	});

	// "Nothing is overwritten" under load: 40 corrections and withdrawals sent at once from the
	// same revision; exactly one wins, every other is refused, one audit event per change.
	it('40 changes at once from one revision: exactly one is applied', async () => {
		const { db } = database();
		const created = await hh.recordHandhaving(db, f.sanne, f.maryam.clientId, maatregel, NOW);
		if (!created.ok) throw new Error('not recorded');
		const entry = { id: created.id, revision: 1 };
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				i % 2 === 0
					? hh.correctHandhaving(
							db,
							f.lead,
							f.maryam.clientId,
							{ ...maatregel, percentage: i, ...entry },
							NOW
						)
					: hh.withdrawHandhaving(
							db,
							f.lead,
							f.maryam.clientId,
							{ ...entry, withdrawnOn: '2026-11-25', withdrawnReason: `poging ${i}` },
							NOW
						)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.field === 'form')).toBe(true);
		const [row] = (await rows(f.maryam.clientId)).filter((r) => r.id === created.id);
		expect(row!.revision).toBe(2);
		const changes = [
			...(await events('handhaving.correct', f.maryam.clientId)),
			...(await events('handhaving.withdraw', f.maryam.clientId))
		].filter((e) => (e.detail as { handhavingId: string }).handhavingId === created.id);
		expect(changes).toHaveLength(1);
	});

	// The file begins with the client's first benefit period (intake); a besluit about the
	// bijstand cannot be older. A return after outflow (herinstroom) keeps the earlier periods,
	// so a terugvordering about the first period is still taken.
	it('refuses a besluit dated before the client’s file began; the first day is fine', async () => {
		const { db } = database();
		const late = await f.addClient('Kees Laat', f.sanne.id, { benefitStart: '2026-06-01' });
		await db
			.insert(benefitPeriod)
			.values({ clientId: late.clientId, start: '2026-06-01', source: 'intake' });
		const boete = (decidedOn: string) =>
			({ kind: 'boete', decidedOn, amountCents: 5_000, reason: 'Inkomsten niet gemeld.' }) as const;
		expect(await hh.recordHandhaving(db, f.sanne, late.clientId, boete('2026-05-31'), NOW)).toEqual(
			{ ok: false, error: 'before_file_start', field: 'decidedOn' }
		);
		expect(await rows(late.clientId)).toHaveLength(0);
		const first = await hh.recordHandhaving(db, f.sanne, late.clientId, boete('2026-06-01'), NOW);
		expect(first.ok).toBe(true);
		// A correction to a day before the file is refused too, and changes nothing.
		const entry = { id: (first as { id: string }).id, revision: 1 };
		expect(
			await hh.correctHandhaving(
				db,
				f.sanne,
				late.clientId,
				{ ...boete('2026-01-15'), ...entry },
				NOW
			)
		).toEqual({ ok: false, error: 'before_file_start', field: 'decidedOn' });
		expect((await rows(late.clientId))[0]).toMatchObject({ decidedOn: '2026-06-01', revision: 1 });

		// Back on the benefit since 1 June 2026 after a first period from 1 March 2025.
		const back = await f.addClient('Els Terug', f.sanne.id, { benefitStart: '2026-06-01' });
		await db.insert(benefitPeriod).values([
			{ clientId: back.clientId, start: '2025-03-01', source: 'intake' },
			{ clientId: back.clientId, start: '2026-06-01', source: 'reentry' }
		]);
		const claim = (decidedOn: string) =>
			({
				kind: 'terugvordering',
				decidedOn,
				amountCents: 90_000,
				reason: 'Te veel gekregen.'
			}) as const;
		expect(
			(await hh.recordHandhaving(db, f.sanne, back.clientId, claim('2025-03-01'), NOW)).ok
		).toBe(true);
		expect(await hh.recordHandhaving(db, f.sanne, back.clientId, claim('2025-02-28'), NOW)).toEqual(
			{ ok: false, error: 'before_file_start', field: 'decidedOn' }
		);
	});

	// A published quarter never changes (docs/DOMAIN.md "Handhaving"): a besluit recorded when
	// the quarter of its day is already published counts in the first quarter after it that is
	// not; the row keeps that quarter from the moment it is recorded.
	it('stores the quarter a besluit counts in: its own, or the first one not yet published', async () => {
		const { db } = database();
		const who = await f.addClient('Piet Kwartaal', f.sanne.id);
		const publish = (quarter: string) =>
			db.insert(reportSnapshot).values({
				quarter,
				period: 'quarter',
				selection: '*',
				report: {},
				publishedOn: '2026-11-01'
			});
		const boete = (decidedOn: string) =>
			({ kind: 'boete', decidedOn, amountCents: 2_500, reason: 'Inkomsten niet gemeld.' }) as const;
		const record = async (decidedOn: string) => {
			const r = await hh.recordHandhaving(db, f.sanne, who.clientId, boete(decidedOn), NOW);
			if (!r.ok) throw new Error(r.error);
			return r.id;
		};
		const counted = async (id: string) =>
			(await db.select().from(handhaving).where(eq(handhaving.id, id)))[0]!.countedInQuarter;
		await publish('2026-Q1');
		await publish('2026-Q2');
		// Q1 and Q2 published, Q3 not: a besluit of February counts in Q3.
		const february = await record('2026-02-10');
		expect(await counted(february)).toBe('2026-Q3');
		const august = await record('2026-08-10');
		expect(await counted(august)).toBe('2026-Q3');
		expect(await counted(await record('2025-12-31'))).toBe('2025-Q4');
		// A correction of one not yet counted in a publication counts by its new day.
		expect(
			await hh.correctHandhaving(
				db,
				f.sanne,
				who.clientId,
				{ ...boete('2026-10-10'), id: august, revision: 1 },
				NOW
			)
		).toEqual({ ok: true });
		expect(await counted(august)).toBe('2026-Q4');
		// Once its quarter is published it was counted there: a correction does not count it again.
		await publish('2026-Q3');
		expect(
			await hh.correctHandhaving(
				db,
				f.sanne,
				who.clientId,
				{ ...boete('2026-11-02'), id: february, revision: 1 },
				NOW
			)
		).toEqual({ ok: true });
		expect(await counted(february)).toBe('2026-Q3');
		expect(await counted(await record('2026-09-30'))).toBe('2026-Q4');
		expect(await counted(await record('2026-12-01'))).toBe('2026-Q4');
	});
});
