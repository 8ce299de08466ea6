import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	appointment,
	auditEvent,
	benefitPeriod,
	client,
	instrumentUse,
	outflow,
	plan,
	session,
	user
} from '../../src/lib/server/db/schema';
import * as uses from '../../src/lib/server/instruments/instrument-uses';
import * as outflows from '../../src/lib/server/caseload/outflow';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as notifications from '../../src/lib/server/notifications/notifications';
import * as audit from '../../src/lib/server/audit/audit';

const NOW = new Date('2026-12-01T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('outflow and the instrument uses it ends', (database) => {
	let f: Fixture;

	it('prepares a client with one use already ended', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await uses.registerUse(db, f.sanne, {
			clientId: f.maryam.clientId,
			instrumentId: await f.instrumentId('jobcoaching'),
			startDate: '2026-09-01',
			plannedEndDate: '2027-03-01'
		});
		expect(r.ok).toBe(true);
		expect(
			await uses.endUse(
				db,
				f.sanne,
				{
					clientId: f.maryam.clientId,
					useId: (r as { id: string }).id,
					endDate: '2026-11-20',
					outcome: 'stopped_early',
					reason: 'Ziek geworden'
				},
				NOW
			)
		).toEqual({ ok: true });
	});

	it('registers one outflow per benefit period and ends the running uses', async () => {
		const { db } = database();
		const running = await uses.registerUse(db, f.sanne, {
			clientId: f.maryam.clientId,
			instrumentId: await f.instrumentId('taalmaatje'),
			startDate: '2026-10-01'
		});
		const go = (date: string) =>
			outflows.registerOutflow(
				db,
				f.sanne,
				{
					clientId: f.maryam.clientId,
					date,
					reason: 'werk',
					outcomes: { [(running as { id: string }).id]: 'work_found' }
				},
				NOW
			);
		expect(await go('2026-12-05')).toEqual({ ok: false, error: 'in_future' });
		expect(await go('2023-12-31')).toEqual({ ok: false, error: 'before_benefit_start' });
		expect(await go('2026-11-30')).toMatchObject({ ok: true, endedUses: 1 });
		expect(await go('2026-11-30')).toEqual({ ok: false, error: 'already_registered' });
		const [ended] = await db
			.select()
			.from(instrumentUse)
			.where(eq(instrumentUse.id, (running as { id: string }).id));
		expect(ended).toMatchObject({ endDate: '2026-11-30', outcome: 'work_found' });
		expect(
			await db.select().from(outflow).where(eq(outflow.clientId, f.maryam.clientId))
		).toHaveLength(1);
		// A new benefit period can have its own outflow.
		await db
			.update(client)
			.set({ benefitStart: '2026-12-01' })
			.where(eq(client.id, f.maryam.clientId));
		expect(await go('2026-12-01')).toMatchObject({ ok: true, endedUses: 0 });
	});

	it('writes an audit event for every change and refuses another caseload', async () => {
		const { db } = database();
		const actions = (
			await db
				.select({ action: auditEvent.action })
				.from(auditEvent)
				.where(eq(auditEvent.clientId, f.maryam.clientId))
		).map((e) => e.action);
		expect(actions.filter((a) => a === 'instrument_use.create')).toHaveLength(2);
		expect(actions).toContain('instrument_use.end');
		expect(actions.filter((a) => a === 'outflow.create')).toHaveLength(2);
		await expect(
			outflows.registerOutflow(db, f.ahmed, {
				clientId: f.maryam.clientId,
				date: '2026-11-30',
				reason: 'werk',
				outcomes: {}
			})
		).rejects.toBeInstanceOf(caseload.AccessDenied);
		const found = await audit.search(db, { action: 'client.denied' });
		expect(found.rows.map((r) => r.actorName)).toContain('Ahmed');
	});
});

describeEachDatabase('outflow: the end of a benefit, and a new one', (database) => {
	let f: Fixture;
	let before: string; // a use running on the outflow date
	let after: string; // a use that starts after it
	let future: string; // an appointment after today

	it('asks an outcome for every use running on the outflow date and changes nothing without one', async () => {
		const { db } = database();
		f = await buildFixture(db);
		await db.update(user).set({ language: 'ar' }).where(eq(user.id, f.maryam.userId));
		const reg = async (startDate: string) =>
			(
				(await uses.registerUse(db, f.sanne, {
					clientId: f.maryam.clientId,
					instrumentId: await f.instrumentId('taalmaatje'),
					startDate
				})) as { id: string }
			).id;
		before = await reg('2026-10-01');
		after = await reg('2026-11-25');
		await db.insert(plan).values({ clientId: f.maryam.clientId, goal: 'Werk', status: 'agreed' });
		const [a] = await db
			.insert(appointment)
			.values([
				{
					clientId: f.maryam.clientId,
					staffId: f.sanne.id,
					startsAt: new Date('2026-12-10T09:00:00Z'),
					endsAt: new Date('2026-12-10T09:30:00Z'),
					kind: 'in_person',
					purpose: 'Gesprek'
				},
				{
					clientId: f.maryam.clientId,
					staffId: f.sanne.id,
					startsAt: new Date('2026-11-10T09:00:00Z'),
					endsAt: new Date('2026-11-10T09:30:00Z'),
					kind: 'in_person',
					purpose: 'Eerder gesprek',
					status: 'held'
				}
			])
			.returning();
		future = a!.id;
		// Moving house: the form proposes "stopped early", never "work found".
		expect(outflows.defaultOutcome('verhuizing')).toBe('stopped_early');
		expect(outflows.defaultOutcome('andere_uitkering')).toBe('stopped_early');
		expect(outflows.defaultOutcome('werk')).toBe('work_found');
		const refused = await outflows.registerOutflow(
			db,
			f.sanne,
			{ clientId: f.maryam.clientId, date: '2026-11-20', reason: 'verhuizing', outcomes: {} },
			NOW
		);
		expect(refused).toEqual({ ok: false, error: 'outcome_missing', useId: before });
		expect(
			await db.select().from(outflow).where(eq(outflow.clientId, f.maryam.clientId))
		).toHaveLength(0);
	});

	it('ends only the running use, with the chosen outcome, closes the plan, cancels what is to come and tells the client', async () => {
		const { db } = database();
		const r = await outflows.registerOutflow(
			db,
			f.sanne,
			{
				clientId: f.maryam.clientId,
				date: '2026-11-20',
				reason: 'verhuizing',
				outcomes: { [before]: 'stopped_early' }
			},
			NOW
		);
		expect(r).toEqual({
			ok: true,
			endedUses: 1,
			closedPlans: 1,
			cancelledAppointments: 1,
			readUntil: '2027-03-01'
		});
		const rows = await db
			.select()
			.from(instrumentUse)
			.where(eq(instrumentUse.clientId, f.maryam.clientId));
		expect(rows.find((u) => u.id === before)).toMatchObject({
			endDate: '2026-11-20',
			outcome: 'stopped_early'
		});
		expect(rows.find((u) => u.id === after)).toMatchObject({ endDate: null, outcome: null });
		expect(rows.some((u) => u.outcome === 'work_found')).toBe(false);
		const plans = await db.select().from(plan).where(eq(plan.clientId, f.maryam.clientId));
		expect(plans.map((p) => p.status)).toEqual(['closed']);
		const appts = await db
			.select({ id: appointment.id, status: appointment.status })
			.from(appointment)
			.where(eq(appointment.clientId, f.maryam.clientId));
		expect(appts.find((a) => a.id === future)?.status).toBe('cancelled');
		expect(appts.find((a) => a.id !== future)?.status).toBe('held');
		const inbox = await notifications.inboxOf(db, f.maryam.userId);
		expect(inbox.map((n) => n.kind).sort()).toEqual(['appointmentCancelled', 'benefitEnded']);
		// The client reads it in Arabic, with the dates in words.
		const ended = inbox.find((n) => n.kind === 'benefitEnded')!;
		const text = notifications.renderNotice('ar', { kind: 'benefitEnded', params: ended.params });
		expect(text.text).not.toContain('2026-11-20');
		expect(text.text).toMatch(/[\u0600-\u06FF]/);
		const [event] = await db
			.select()
			.from(auditEvent)
			.where(
				and(eq(auditEvent.clientId, f.maryam.clientId), eq(auditEvent.action, 'outflow.create'))
			);
		expect(event?.detail).toMatchObject({ endedUses: 1, cancelledAppointments: 1 });
	});

	it('takes the client out of the active caseload; a filter shows them', async () => {
		const { db } = database();
		const active = await caseload.searchCaseload(db, f.sanne, {}, NOW);
		expect(active.rows.map((r) => r.id)).not.toContain(f.maryam.clientId);
		const left = await caseload.searchCaseload(db, f.sanne, { status: 'left' }, NOW);
		expect(left.rows.map((r) => [r.id, r.left])).toEqual([[f.maryam.clientId, true]]);
		const all = await caseload.searchCaseload(db, f.sanne, { status: 'all' }, NOW);
		expect(all.rows.map((r) => r.id)).toContain(f.maryam.clientId);
	});

	it('keeps the account open for the read period, then closes it once', async () => {
		const { db } = database();
		await db.insert(session).values({
			id: 'maryam-session',
			secretHash: 'x',
			userId: f.maryam.userId,
			expiresAt: new Date(NOW.getTime() + 30 * DAY)
		});
		const later = (days: number) => new Date(Date.now() + days * DAY);
		expect(await outflows.closeAccountsAfterOutflow(db, later(89))).toBe(0);
		expect(await outflows.closeAccountsAfterOutflow(db, later(91))).toBe(1);
		expect(await outflows.closeAccountsAfterOutflow(db, later(92))).toBe(0);
		const [u] = await db.select().from(user).where(eq(user.id, f.maryam.userId));
		expect(u?.disabledAt).not.toBeNull();
		expect(await db.select().from(session).where(eq(session.userId, f.maryam.userId))).toHaveLength(
			0
		);
		// Frans (no outflow) is untouched.
		const [frans] = await db.select().from(user).where(eq(user.id, f.frans.userId));
		expect(frans?.disabledAt).toBeNull();
	});

	it('starts a new benefit period on return, keeping the earlier one, and counts the re-entry', async () => {
		const { db } = database();
		const back = (benefitStart: string) =>
			outflows.registerReentry(db, f.sanne, { clientId: f.maryam.clientId, benefitStart }, NOW);
		expect(await back('2026-11-20')).toEqual({ ok: false, error: 'before_outflow' });
		// Frans is in Ahmed's caseload, not Sanne's.
		await expect(
			outflows.registerReentry(
				db,
				f.sanne,
				{ clientId: f.frans.clientId, benefitStart: '2026-11-25' },
				NOW
			)
		).rejects.toBeInstanceOf(caseload.AccessDenied);
		expect(await back('2026-11-28')).toEqual({ ok: true });
		expect(await back('2026-11-29')).toEqual({ ok: false, error: 'not_left' });
		const [c] = await db.select().from(client).where(eq(client.id, f.maryam.clientId));
		expect(c?.benefitStart).toBe('2026-11-28');
		const periods = await outflows.periodsOfClient(db, f.maryam.clientId);
		expect(periods).toMatchObject([
			{ start: '2024-01-01', source: 'intake', outflowDate: '2026-11-20' },
			{ start: '2026-11-28', source: 'reentry', outflowDate: null }
		]);
		expect(await outflows.countReentries(db, '2026-10-01', '2026-12-31')).toBe(1);
		expect(await outflows.countReentries(db, '2027-01-01', '2027-03-31')).toBe(0);
		const [u] = await db.select().from(user).where(eq(user.id, f.maryam.userId));
		expect(u?.disabledAt).toBeNull();
		// Back in the active caseload, and the new period can have its own outflow.
		const active = await caseload.searchCaseload(db, f.sanne, {}, NOW);
		expect(active.rows.map((r) => r.id)).toContain(f.maryam.clientId);
		const again = await outflows.registerOutflow(
			db,
			f.sanne,
			{
				clientId: f.maryam.clientId,
				date: '2026-11-30',
				reason: 'werk',
				outcomes: { [after]: 'work_found' }
			},
			NOW
		);
		expect(again).toMatchObject({ ok: true, endedUses: 1 });
		expect(
			await db.select().from(benefitPeriod).where(eq(benefitPeriod.clientId, f.maryam.clientId))
		).toHaveLength(2);
	});
});
