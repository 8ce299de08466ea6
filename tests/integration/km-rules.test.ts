import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	appointment,
	auditEvent,
	client,
	clientRequest,
	instrument,
	instrumentUse,
	notification,
	outflow,
	plan,
	planStep,
	user
} from '../../src/lib/server/db/schema';
import * as uses from '../../src/lib/server/instruments/instrument-uses';
import * as outflows from '../../src/lib/server/caseload/outflow';
import * as appointments from '../../src/lib/server/appointments/appointments';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as notifications from '../../src/lib/server/notifications/notifications';
import * as audit from '../../src/lib/server/audit/audit';
import * as activation from '../../src/lib/server/auth/activation-letter';
import { redeemActivationCode } from '../../src/lib/server/auth/activation';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describeEachDatabase('instrument uses and their outcomes', (database) => {
	let f: Fixture;
	let useId: string;

	it('registers a use of an offered instrument and refuses one the gemeente does not offer', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const jobcoaching = await f.instrumentId('jobcoaching');
		const r = await uses.registerUse(db, f.sanne, {
			clientId: f.maryam.clientId,
			instrumentId: jobcoaching,
			startDate: '2026-09-01',
			plannedEndDate: '2027-03-01',
			provider: 'Jobcoach sociale dienst'
		});
		expect(r.ok).toBe(true);
		useId = (r as { id: string }).id;
		const taal = await f.instrumentId('taalstage');
		await db
			.update(instrument)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(instrument.id, taal));
		expect(
			await uses.registerUse(db, f.sanne, {
				clientId: f.maryam.clientId,
				instrumentId: taal,
				startDate: '2026-09-01'
			})
		).toEqual({ ok: false, error: 'not_offered', field: 'instrumentId' });
		expect(
			await uses.registerUse(db, f.sanne, {
				clientId: f.maryam.clientId,
				instrumentId: jobcoaching,
				startDate: '2026-09-01',
				plannedEndDate: '2026-08-01'
			})
		).toEqual({ ok: false, error: 'end_before_start', field: 'plannedEndDate' });
	});

	it('ends a use only with dates that make sense and a reason where one is needed', async () => {
		const { db } = database();
		const end = (endDate: string, outcome: 'completed' | 'stopped_early', reason?: string) =>
			uses.endUse(
				db,
				f.sanne,
				{ clientId: f.maryam.clientId, useId, endDate, outcome, reason },
				NOW
			);
		expect(await end('2026-08-01', 'completed')).toEqual({
			ok: false,
			error: 'end_before_start',
			field: 'endDate'
		});
		expect(await end('2026-12-02', 'completed')).toEqual({
			ok: false,
			error: 'in_future',
			field: 'endDate'
		});
		expect(await end('2026-11-20', 'stopped_early')).toEqual({
			ok: false,
			error: 'reason_missing',
			field: 'reason'
		});
		expect(await end('2026-11-20', 'stopped_early', 'Ziek geworden')).toEqual({ ok: true });
		expect(await end('2026-11-21', 'completed')).toEqual({
			ok: false,
			error: 'already_ended',
			field: 'useId'
		});
		const [row] = await db.select().from(instrumentUse).where(eq(instrumentUse.id, useId));
		expect(row).toMatchObject({
			endDate: '2026-11-20',
			outcome: 'stopped_early',
			outcomeReason: 'Ziek geworden'
		});
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

describeEachDatabase('appointments planned by the klantmanager', (database) => {
	let f: Fixture;
	let firstId: string;

	it('plans an appointment and tells the client', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await appointments.planAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			{
				startsAt: at('2026-12-03T09:00:00Z'),
				endsAt: at('2026-12-03T09:45:00Z'),
				kind: 'in_person',
				place: 'Marktplein 1',
				purpose: 'Je plan bespreken'
			},
			NOW
		);
		expect(r.ok).toBe(true);
		firstId = (r as { id: string }).id;
		const inbox = await notifications.inboxOf(db, f.maryam.userId);
		expect(inbox[0]).toMatchObject({ kind: 'appointmentPlanned', read: false });
	});

	it('warns about a double booking and plans nothing', async () => {
		const { db } = database();
		const other = await f.addClient('Lieke Jansen', f.sanne.id);
		const r = await appointments.planAppointment(
			db,
			f.sanne,
			other.clientId,
			{
				startsAt: at('2026-12-03T09:30:00Z'),
				endsAt: at('2026-12-03T10:00:00Z'),
				kind: 'phone',
				purpose: 'Bellen'
			},
			NOW
		);
		expect(r).toMatchObject({ ok: false, error: 'double_booked' });
		expect((r as { overlaps: { clientName: string }[] }).overlaps[0]!.clientName).toBe(
			'Maryam Haddad'
		);
		// Right after it is fine.
		const after = await appointments.planAppointment(
			db,
			f.sanne,
			other.clientId,
			{
				startsAt: at('2026-12-03T09:45:00Z'),
				endsAt: at('2026-12-03T10:15:00Z'),
				kind: 'phone',
				purpose: 'Bellen'
			},
			NOW
		);
		expect(after.ok).toBe(true);
	});

	it('moves an appointment, accepts the open change request and tells the client the new time', async () => {
		const { db } = database();
		const req = await db.transaction((tx) =>
			appointments.requestChange(tx, {
				userId: f.maryam.userId,
				appointmentId: firstId,
				kind: 'other_time',
				reason: 'Mijn dochter is jarig',
				now: NOW
			})
		);
		expect(req.ok).toBe(true);
		const moved = await appointments.moveAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			firstId,
			{ startsAt: at('2026-12-04T13:00:00Z'), endsAt: at('2026-12-04T13:45:00Z') },
			NOW
		);
		expect(moved).toEqual({ ok: true, id: firstId });
		const view = await appointments.appointmentOfClient(db, f.maryam.clientId, firstId);
		expect(view!.startsAt).toBe('2026-12-04T13:00:00.000Z');
		expect(view!.request!.status).toBe('accepted');
		const inbox = await notifications.inboxOf(db, f.maryam.userId);
		expect(inbox[0]).toMatchObject({
			kind: 'appointmentMoved',
			params: { when: '2026-12-04T13:00:00.000Z' }
		});
		expect(notifications.renderNotice('nl', { ...inbox[0]!, link: undefined }).text).toContain(
			'vrijdag 4 december 2026'
		);
	});

	it('marks an appointment held only once it has started, and cancels another', async () => {
		const { db } = database();
		expect(await appointments.markHeld(db, f.sanne, f.maryam.clientId, firstId, NOW)).toEqual({
			ok: false,
			error: 'in_future'
		});
		expect(
			await appointments.markHeld(
				db,
				f.sanne,
				f.maryam.clientId,
				firstId,
				at('2026-12-04T13:05:00Z')
			)
		).toEqual({ ok: true });
		const [row] = await db.select().from(appointment).where(eq(appointment.id, firstId));
		expect(row!.status).toBe('held');
		expect(
			await appointments.cancelAppointment(db, f.sanne, f.maryam.clientId, firstId, NOW)
		).toEqual({ ok: false, error: 'not_planned' });
	});

	it('answers a question about help, once', async () => {
		const { db } = database();
		const [q] = await db
			.insert(clientRequest)
			.values({
				clientId: f.maryam.clientId,
				kind: 'instrument_question',
				instrumentId: await f.instrumentId('taalmaatje'),
				message: 'Kan ik een taalmaatje krijgen?'
			})
			.returning();
		const answer = () =>
			appointments.answerRequest(db, f.sanne, f.maryam.clientId, {
				requestId: q!.id,
				status: 'answered',
				answer: 'Ja, ik meld je aan.'
			});
		expect(await answer()).toEqual({ ok: true });
		expect(await answer()).toEqual({ ok: false, error: 'not_open' });
	});

	it('sends a reminder the day before, once, and again after a move', async () => {
		const { db } = database();
		const r = await appointments.planAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			{
				startsAt: at('2026-12-08T08:00:00Z'),
				endsAt: at('2026-12-08T08:30:00Z'),
				kind: 'phone',
				purpose: 'Bijpraten'
			},
			NOW
		);
		const id = (r as { id: string }).id;
		const dayBefore = at('2026-12-07T07:00:00Z');
		const reminders = async () =>
			(
				await db
					.select()
					.from(notification)
					.where(
						and(
							eq(notification.userId, f.maryam.userId),
							eq(notification.kind, 'appointmentReminder')
						)
					)
			).length;
		expect(await notifications.sendAppointmentReminders(db, at('2026-12-06T07:00:00Z'))).toBe(0);
		expect(await notifications.sendAppointmentReminders(db, dayBefore)).toBe(1);
		expect(await notifications.sendAppointmentReminders(db, dayBefore)).toBe(0);
		expect(await reminders()).toBe(1);
		await appointments.moveAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			id,
			{ startsAt: at('2026-12-08T12:00:00Z'), endsAt: at('2026-12-08T12:30:00Z') },
			NOW
		);
		expect(await notifications.sendAppointmentReminders(db, dayBefore)).toBe(1);
		expect(await reminders()).toBe(2);
	});

	it('e-mails a client who asked for it: to the outbox without SMTP, over SMTP with it', async () => {
		const { db } = database();
		await db
			.update(user)
			.set({ email: 'maryam@example.org', preferences: { notifyEmail: true } })
			.where(eq(user.id, f.maryam.userId));
		const outbox = notifications.emailChannel({ transport: null, from: 'Wegwijs <a@b.example>' });
		await notifications.notify(
			db,
			f.maryam.userId,
			{ kind: 'planShared', params: { version: '2' }, link: '/plan' },
			[outbox]
		);
		const mails = await notifications.emailOutbox(db);
		expect(mails[0]).toMatchObject({ to: 'maryam@example.org' });
		expect(mails[0]!.subject).toMatch(/plan/i);
		const transport = nodemailer.createTransport({ jsonTransport: true });
		const sent: string[] = [];
		const original = transport.sendMail.bind(transport);
		transport.sendMail = (async (m: SendMailOptions) => {
			const info = await original(m);
			sent.push(String((info as { message: string }).message));
			return info;
		}) as typeof transport.sendMail;
		await notifications.notify(
			db,
			f.maryam.userId,
			{ kind: 'contactChanged', params: { name: 'Petra' } },
			[notifications.emailChannel({ transport, from: 'a@b.example' })]
		);
		expect(JSON.parse(sent[0]!).to[0].address).toBe('maryam@example.org');
		expect((await notifications.emailOutbox(db)).length).toBe(mails.length);
	});
});

describeEachDatabase('caseload page: search, filter, sort, pages, team lead', (database) => {
	let f: Fixture;

	it('finds clients by name or number, only in the own caseload', async () => {
		const { db } = database();
		f = await buildFixture(db);
		for (let i = 0; i < 30; i++)
			await f.addClient(`Cliënt ${String(i).padStart(2, '0')}`, f.sanne.id);
		const page1 = await caseload.searchCaseload(db, f.sanne, {}, NOW);
		expect(page1.total).toBe(31);
		expect(page1.pages).toBe(2);
		expect(page1.rows).toHaveLength(caseload.PAGE_SIZE);
		const page2 = await caseload.searchCaseload(db, f.sanne, { page: 2 }, NOW);
		expect(page2.rows.map((r) => r.name)).toHaveLength(31 - caseload.PAGE_SIZE);
		expect(page2.rows.at(-1)!.name).toBe('Maryam Haddad');
		expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(31);
		const byName = await caseload.searchCaseload(db, f.sanne, { q: 'maryam' }, NOW);
		expect(byName.rows.map((r) => r.name)).toEqual(['Maryam Haddad']);
		const number = byName.rows[0]!.clientNumber;
		expect((await caseload.searchCaseload(db, f.sanne, { q: number }, NOW)).total).toBe(1);
		expect((await caseload.searchCaseload(db, f.sanne, { q: 'Frans' }, NOW)).total).toBe(0);
		expect((await caseload.searchCaseload(db, f.sanne, { q: '%' }, NOW)).total).toBe(0);
	});

	it('shows plan state, open requests, overdue steps and the next appointment, and filters on them', async () => {
		const { db } = database();
		const [p] = await db
			.insert(plan)
			.values({
				clientId: f.maryam.clientId,
				goal: 'Werk',
				status: 'shared',
				sharedAt: NOW,
				reviewDate: '2027-06-01'
			})
			.returning();
		await db.insert(planStep).values([
			{ planId: p!.id, position: 1, title: 'Te laat', owner: 'client', dueDate: '2026-11-01' },
			{ planId: p!.id, position: 2, title: 'Op tijd', owner: 'client', dueDate: '2027-01-01' }
		]);
		await db.insert(clientRequest).values({
			clientId: f.maryam.clientId,
			kind: 'instrument_question',
			message: 'Vraag'
		});
		await db.insert(appointment).values({
			clientId: f.maryam.clientId,
			staffId: f.sanne.id,
			startsAt: at('2026-12-10T09:00:00Z'),
			endsAt: at('2026-12-10T09:30:00Z'),
			kind: 'phone',
			purpose: 'Bellen'
		});
		const { rows } = await caseload.searchCaseload(db, f.sanne, { q: 'Maryam' }, NOW);
		expect(rows[0]).toMatchObject({
			planState: 'shared',
			openRequests: 1,
			overdueSteps: 1,
			nextAppointment: '2026-12-10T09:00:00.000Z'
		});
		expect(
			(await caseload.searchCaseload(db, f.sanne, { attention: 'overdue' }, NOW)).rows.map(
				(r) => r.name
			)
		).toEqual(['Maryam Haddad']);
		expect((await caseload.searchCaseload(db, f.sanne, { plan: 'none' }, NOW)).total).toBe(30);
		expect((await caseload.searchCaseload(db, f.sanne, { sort: 'next' }, NOW)).rows[0]!.name).toBe(
			'Maryam Haddad'
		);
		const later = new Date('2027-06-02T10:00:00Z');
		expect(
			(await caseload.searchCaseload(db, f.sanne, { plan: 'review_due' }, later)).rows.map(
				(r) => r.name
			)
		).toEqual(['Maryam Haddad']);
	});

	it('lets the team lead see the team, filter per klantmanager and move a client', async () => {
		const { db } = database();
		const all = await caseload.searchCaseload(db, f.lead, {}, NOW);
		expect(all.total).toBe(31);
		expect(all.klantmanagers.map((k) => k.name)).toEqual(['Petra', 'Sanne']);
		expect(
			(await caseload.searchCaseload(db, f.lead, { klantmanager: f.ahmed.id }, NOW)).total
		).toBe(31);
		expect(
			await caseload.moveClient(db, f.sanne, {
				clientId: f.maryam.clientId,
				toKlantmanagerId: f.lead.id
			})
		).toEqual({ ok: false, error: 'not_lead' });
		expect(
			await caseload.moveClient(db, f.lead, {
				clientId: f.maryam.clientId,
				toKlantmanagerId: f.ahmed.id
			})
		).toEqual({ ok: false, error: 'unknown_klantmanager' });
		expect(
			await caseload.moveClient(db, f.lead, {
				clientId: f.maryam.clientId,
				toKlantmanagerId: f.lead.id
			})
		).toEqual({ ok: true });
		const [c] = await db.select().from(client).where(eq(client.id, f.maryam.clientId));
		expect(c!.klantmanagerId).toBe(f.lead.id);
		const inbox = await notifications.inboxOf(db, f.maryam.userId);
		expect(inbox[0]).toMatchObject({ kind: 'contactChanged', params: { name: 'Petra' } });
		expect((await caseload.searchCaseload(db, f.sanne, { q: 'Maryam' }, NOW)).total).toBe(0);
	});

	it('makes an activation code that works once and is never stored in the audit trail', async () => {
		const { db } = database();
		const letter = await activation.issueLetter(db, f.lead, f.maryam.clientId, NOW);
		expect(letter!.expiresAt).toBe('2026-12-15T10:00:00.000Z');
		const redeemed = await redeemActivationCode(db, {
			code: letter!.code,
			password: 'een lang wachtwoord',
			now: NOW
		});
		expect(redeemed.ok).toBe(true);
		expect(
			(await redeemActivationCode(db, { code: letter!.code, password: 'nog een keer', now: NOW }))
				.ok
		).toBe(false);
		const events = await db
			.select()
			.from(auditEvent)
			.where(
				and(eq(auditEvent.clientId, f.maryam.clientId), eq(auditEvent.action, 'activation.create'))
			);
		expect(events).toHaveLength(1);
		expect(JSON.stringify(events[0]!.detail)).not.toContain(letter!.code);
	});
});
