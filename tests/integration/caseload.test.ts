import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	appointment,
	auditEvent,
	client,
	clientRequest,
	gemeente,
	plan,
	planStep,
	team,
	user
} from '../../src/lib/server/db/schema';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as notifications from '../../src/lib/server/notifications/notifications';
import * as appointments from '../../src/lib/server/appointments/appointment-planning';
import * as conversation from '../../src/lib/server/messages/conversation';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import type { ClientAction } from '../../src/lib/actions/schema';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describeEachDatabase('caseload scoping and audit', (database) => {
	const ids: Record<string, string> = {};

	it('prepares a team with a lead, two klantmanagers and their clients', async () => {
		const { db } = database();
		const [m] = await db.insert(gemeente).values({ code: 'a', name: 'A' }).returning();
		const [t] = await db.insert(team).values({ name: 'Team A' }).returning();
		const staff = async (name: string, teamId: string | null) => {
			const [u] = await db
				.insert(user)
				.values({ displayName: name, roles: ['klantmanager'], teamId })
				.returning();
			return u!.id;
		};
		ids.lead = await staff('Lead', t!.id);
		ids.sanne = await staff('Sanne', t!.id);
		ids.ahmed = await staff('Ahmed', null);
		await db.update(team).set({ leadUserId: ids.lead }).where(eq(team.id, t!.id));
		const person = async (name: string, km: string) => {
			const [u] = await db
				.insert(user)
				.values({ displayName: name, roles: ['client'] })
				.returning();
			const [c] = await db
				.insert(client)
				.values({
					userId: u!.id,
					clientNumber: `WW-${name}`,
					gemeenteId: m!.id,
					klantmanagerId: km,
					birthDate: '1990-01-01',
					benefitStart: '2024-01-01'
				})
				.returning();
			return c!.id;
		};
		ids.maryam = await person('Maryam', ids.sanne);
		ids.frans = await person('Frans', ids.ahmed);
	});

	it('shows a klantmanager only their own caseload', async () => {
		const { db } = database();
		const sanne = await caseload.listCaseload(db, { id: ids.sanne!, roles: ['klantmanager'] });
		expect(sanne.map((c) => c.name)).toEqual(['Maryam']);
		const ahmed = await caseload.listCaseload(db, { id: ids.ahmed!, roles: ['klantmanager'] });
		expect(ahmed.map((c) => c.name)).toEqual(['Frans']);
	});

	it('lets a team lead see the team’s clients but not another team’s', async () => {
		const { db } = database();
		const lead = { id: ids.lead!, roles: ['klantmanager'] };
		expect((await caseload.listCaseload(db, lead)).map((c) => c.name)).toEqual(['Maryam']);
		await expect(caseload.openClient(db, lead, ids.frans!)).rejects.toBeInstanceOf(
			caseload.AccessDenied
		);
	});

	it('audits a read of an own client and a refused attempt on another', async () => {
		const { db } = database();
		await caseload.openClient(db, { id: ids.sanne!, roles: ['klantmanager'] }, ids.maryam!);
		await expect(
			caseload.openClient(db, { id: ids.ahmed!, roles: ['klantmanager'] }, ids.maryam!)
		).rejects.toBeInstanceOf(caseload.AccessDenied);
		const events = await db
			.select({ actor: auditEvent.actorId, action: auditEvent.action })
			.from(auditEvent)
			.where(and(eq(auditEvent.clientId, ids.maryam!)));
		expect(events).toContainEqual({ actor: ids.sanne, action: 'client.read' });
		expect(events).toContainEqual({ actor: ids.ahmed, action: 'client.denied' });
	});

	it('refuses someone without the klantmanager role', async () => {
		const { db } = database();
		await expect(
			caseload.openClient(db, { id: ids.sanne!, roles: ['reporter'] }, ids.maryam!)
		).rejects.toBeInstanceOf(caseload.AccessDenied);
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

	it('does not move a client to a klantmanager who works only for another gemeente', async () => {
		const { db } = database();
		// Maryam is a Lindewaard client (now Petra's); Sanne works for Brakeloo only.
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(user.id, f.sanne.id));
		expect(
			await caseload.moveClient(db, f.lead, {
				clientId: f.maryam.clientId,
				toKlantmanagerId: f.sanne.id
			})
		).toEqual({ ok: false, error: 'klantmanager_gemeente' });
		const [c] = await db.select().from(client).where(eq(client.id, f.maryam.clientId));
		expect(c!.klantmanagerId).toBe(f.lead.id);
		await db.update(user).set({ gemeenteIds: [] }).where(eq(user.id, f.sanne.id));
	});
});

describeEachDatabase(
	'caseload: one count per thing that waits for the klantmanager',
	(database) => {
		it('counts a change request and a question about help as open requests only, a message as new, and neither once handled', async () => {
			const { db } = database();
			const f = await buildFixture(db);
			let n = 0;
			const act = (action: ClientAction) =>
				applyClientAction(db, {
					userId: f.maryam.userId,
					key: `count-${Date.now()}-${n++}-abcdefgh`,
					action,
					now: NOW
				});
			const counts = async () => {
				const list = await caseload.searchCaseload(db, f.sanne, {}, NOW);
				const row = list.rows.find((r) => r.id === f.maryam.clientId)!;
				return { requests: row.openRequests, messages: row.unreadMessages };
			};
			const [a] = await db
				.insert(appointment)
				.values({
					clientId: f.maryam.clientId,
					staffId: f.sanne.id,
					startsAt: at('2027-03-01T09:00:00Z'),
					endsAt: at('2027-03-01T09:30:00Z'),
					kind: 'in_person',
					purpose: 'Gesprek'
				})
				.returning();
			await act({
				type: 'change',
				appointmentId: a!.id,
				kind: 'cannot_come',
				reason: 'Mijn kind is ziek'
			});
			// One thing waits: the request (its reason is a message, but not a second thing to do).
			expect(await counts()).toEqual({ requests: 1, messages: 0 });
			const jobcoaching = await f.instrumentId('jobcoaching');
			await act({ type: 'ask', instrumentId: jobcoaching, message: 'Is dit iets voor mij?' });
			expect(await counts()).toEqual({ requests: 2, messages: 0 });
			await act({ type: 'message', body: 'Mijn adres is veranderd', context: { kind: 'home' } });
			expect(await counts()).toEqual({ requests: 2, messages: 1 });
			// The client adds to the change request: still the same request, not a new message.
			await act({
				type: 'message',
				body: 'Dinsdag kan ik wel',
				context: { kind: 'appointment', id: a!.id }
			});
			expect(await counts()).toEqual({ requests: 2, messages: 1 });
			// Moving the appointment handles the request: nothing about it waits any more.
			await appointments.moveAppointment(
				db,
				f.sanne,
				f.maryam.clientId,
				a!.id,
				{ startsAt: at('2027-03-02T09:00:00Z'), endsAt: at('2027-03-02T09:30:00Z') },
				NOW
			);
			expect(await counts()).toEqual({ requests: 1, messages: 1 });
			const open = await conversation.openConversations(db, f.sanne);
			expect(open.map((c) => [c.name, c.waiting])).toEqual([['Maryam Haddad', 2]]);
			// Sorting and the "attention" filter follow the same counts.
			const withRequests = await caseload.searchCaseload(
				db,
				f.sanne,
				{ attention: 'requests' },
				NOW
			);
			expect(withRequests.rows.map((r) => r.name)).toEqual(['Maryam Haddad']);
			// An answer to the question in the conversation handles it, and the rest is read.
			const seen = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
			const question = seen.messages.find((m) => m.context?.kind === 'instrument')!;
			await conversation.reply(
				db,
				f.sanne,
				f.maryam.clientId,
				{ body: 'Ja, ik meld je aan.', replyTo: question.id },
				NOW
			);
			expect(await counts()).toEqual({ requests: 0, messages: 0 });
		});
	}
);
