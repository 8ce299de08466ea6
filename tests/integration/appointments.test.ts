import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { appointment, clientRequest } from '../../src/lib/server/db/schema';
import * as planning from '../../src/lib/server/appointments/appointment-planning';
import * as clientRequests from '../../src/lib/server/appointments/client-requests';
import { appointmentOfClient } from '../../src/lib/server/appointments/appointment-view';
import * as notifications from '../../src/lib/server/notifications/notifications';
import * as conversation from '../../src/lib/server/messages/conversation';
import { requestsOf } from '../../src/lib/server/caseload/client-file';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describeEachDatabase('appointments planned by the klantmanager', (database) => {
	let f: Fixture;
	let firstId: string;

	it('plans an appointment and tells the client', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await planning.planAppointment(
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
		const r = await planning.planAppointment(
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
		const after = await planning.planAppointment(
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
			clientRequests.requestChange(tx, {
				userId: f.maryam.userId,
				appointmentId: firstId,
				kind: 'other_time',
				reason: 'Mijn dochter is jarig',
				now: NOW
			})
		);
		expect(req.ok).toBe(true);
		const moved = await planning.moveAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			firstId,
			{ startsAt: at('2026-12-04T13:00:00Z'), endsAt: at('2026-12-04T13:45:00Z') },
			NOW
		);
		expect(moved).toEqual({ ok: true, id: firstId });
		const view = await appointmentOfClient(db, f.maryam.clientId, firstId);
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

	it('a change request is one message: its reason and the answer show once, to the client and to the klantmanager', async () => {
		const { db } = database();
		const planned = await planning.planAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			{
				startsAt: at('2026-12-10T09:00:00Z'),
				endsAt: at('2026-12-10T09:30:00Z'),
				kind: 'phone',
				purpose: 'Bellen over je cursus'
			},
			NOW
		);
		const id = (planned as { id: string }).id;
		const reason = 'Dan heb ik een sollicitatiegesprek';
		const req = await db.transaction((tx) =>
			clientRequests.requestChange(tx, {
				userId: f.maryam.userId,
				appointmentId: id,
				kind: 'cannot_come',
				reason,
				now: NOW
			})
		);
		expect(req.ok).toBe(true);
		const answer = 'Goed, ik bel je een dag later.';
		expect(
			await clientRequests.answerRequest(
				db,
				f.sanne,
				f.maryam.clientId,
				{ requestId: (req as { requestId: string }).requestId, status: 'accepted', answer },
				NOW
			)
		).toEqual({ ok: true });
		const times = (haystack: unknown, needle: string) =>
			JSON.stringify(haystack).split(needle).length - 1;
		// What the appointment page shows: the appointment with its request, and the thread.
		const page = {
			appointment: await appointmentOfClient(db, f.maryam.clientId, id),
			thread: await conversation.messagesAbout(db, f.maryam.userId, id)
		};
		expect(page.appointment!.request!.status).toBe('accepted');
		expect(times(page, reason)).toBe(1);
		expect(times(page, answer)).toBe(1);
		// The klantmanager's list of requests reads the reason and answer from the conversation.
		const requests = (await requestsOf(db, f.maryam.clientId)).filter(
			(r) => r.appointmentId === id
		);
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ message: reason, answer, status: 'accepted' });
		// Nothing of it is stored twice.
		const [row] = await db.select().from(clientRequest).where(eq(clientRequest.appointmentId, id));
		expect(times(row, reason) + times(row, answer)).toBe(0);
	});

	it('marks an appointment held only once it has started, and cancels another', async () => {
		const { db } = database();
		expect(await planning.markHeld(db, f.sanne, f.maryam.clientId, firstId, NOW)).toEqual({
			ok: false,
			error: 'in_future'
		});
		expect(
			await planning.markHeld(db, f.sanne, f.maryam.clientId, firstId, at('2026-12-04T13:05:00Z'))
		).toEqual({ ok: true });
		const [row] = await db.select().from(appointment).where(eq(appointment.id, firstId));
		expect(row!.status).toBe('held');
		expect(await planning.cancelAppointment(db, f.sanne, f.maryam.clientId, firstId, NOW)).toEqual({
			ok: false,
			error: 'not_planned'
		});
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
			clientRequests.answerRequest(db, f.sanne, f.maryam.clientId, {
				requestId: q!.id,
				status: 'answered',
				answer: 'Ja, ik meld je aan.'
			});
		expect(await answer()).toEqual({ ok: true });
		expect(await answer()).toEqual({ ok: false, error: 'not_open' });
		// The answer given on the client file reaches the instrument's page too, once.
		const about = await conversation.messagesAbout(
			db,
			f.maryam.userId,
			await f.instrumentId('taalmaatje')
		);
		expect(about.filter((m) => !m.fromClient).map((m) => m.body)).toEqual(['Ja, ik meld je aan.']);
	});
});
