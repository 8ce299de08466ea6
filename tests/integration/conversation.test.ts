import { expect, it } from 'vitest';
import { requestsOf } from '../../src/lib/server/caseload/client-file';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	appointment,
	auditEvent,
	clientRequest,
	message,
	notification,
	plan,
	planStep
} from '../../src/lib/server/db/schema';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import { clientAction } from '../../src/lib/actions/schema';
import * as conversation from '../../src/lib/server/messages/conversation';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as clientRequests from '../../src/lib/server/appointments/client-requests';
import { appointmentOfClient } from '../../src/lib/server/appointments/appointment-view';
import { AccessDenied } from '../../src/lib/server/caseload/caseload';
import type { Db } from '../../src/lib/server/db/open';

let n = 0;
const key = () => `conv-key-${Date.now()}-${n++}-abcdefgh`;
const T0 = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function messagesOfClient(db: Db, clientId: string) {
	return db.select().from(message).where(eq(message.clientId, clientId));
}

async function sharedPlan(db: Db, clientId: string) {
	const [p] = await db
		.insert(plan)
		.values({ clientId, goal: 'Werk vinden', status: 'shared', version: 2, sharedAt: T0 })
		.returning();
	const steps = await db
		.insert(planStep)
		.values([
			{ planId: p!.id, position: 1, title: 'Cv maken', owner: 'client' },
			{ planId: p!.id, position: 2, title: 'Gesprek', owner: 'klantmanager' }
		])
		.returning();
	return { plan: p!, steps };
}

describeEachDatabase('conversation with the klantmanager', (database) => {
	let f: Fixture;
	let maryamPlan: Awaited<ReturnType<typeof sharedPlan>>;
	let fransPlan: Awaited<ReturnType<typeof sharedPlan>>;

	it('a client writes from Home and the klantmanager sees it waiting, unread, with since when', async () => {
		const { db } = database();
		f = await buildFixture(db);
		maryamPlan = await sharedPlan(db, f.maryam.clientId);
		fransPlan = await sharedPlan(db, f.frans.clientId);
		const sent = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'message', body: '  Ik loop vast met mijn cv  ', context: { kind: 'home' } },
			now: later(0)
		});
		expect(sent).toMatchObject({ status: 200, body: { ok: true } });

		const open = await conversation.openConversations(db, f.sanne);
		expect(open).toEqual([
			expect.objectContaining({
				clientId: f.maryam.clientId,
				name: 'Maryam Haddad',
				waitingSince: later(0).toISOString(),
				waiting: 1,
				unread: 1
			})
		]);
		const list = await caseload.searchCaseload(db, f.sanne, { sort: 'messages', dir: 'desc' });
		expect(list.rows.map((r) => [r.name, r.unreadMessages])).toEqual([['Maryam Haddad', 1]]);
		// Ahmed has other clients: nothing of Maryam's waits for him.
		expect(await conversation.openConversations(db, f.ahmed)).toEqual([]);
		const seen = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		expect(seen.messages.map((m) => m.body)).toEqual(['Ik loop vast met mijn cv']);
		// Opening it marks nothing read; the page's POST does.
		expect((await conversation.openConversations(db, f.sanne))[0]!.unread).toBe(1);
		expect(
			await conversation.markReadByStaff(db, f.sanne, f.maryam.clientId, seen.messages[0]!.id)
		).toBe(1);
		const after = await caseload.searchCaseload(db, f.sanne, {});
		expect(after.rows[0]!.unreadMessages).toBe(0);
		expect((await conversation.openConversations(db, f.sanne))[0]).toMatchObject({
			unread: 0,
			waiting: 1
		});
	});

	it('refuses an empty, a 10,000-character and another client’s message, storing nothing', async () => {
		const { db } = database();
		const before = (await messagesOfClient(db, f.maryam.clientId)).length;
		const tries = [
			{ body: '   ', context: { kind: 'home' as const } },
			{ body: 'a'.repeat(10_000), context: { kind: 'home' as const } },
			{ body: 'Over jouw stap', context: { kind: 'step' as const, id: fransPlan.steps[0]!.id } },
			{ body: 'Jouw afspraak', context: { kind: 'plan' as const, id: fransPlan.plan.id } }
		];
		const errors = [];
		for (const action of tries) {
			const r = await applyClientAction(db, {
				userId: f.maryam.userId,
				key: key(),
				action: { type: 'message', ...action }
			});
			errors.push(r.body.ok ? 'ok' : r.body.error);
		}
		expect(errors).toEqual(['empty', 'message_too_long', 'not_found', 'not_found']);
		expect(await messagesOfClient(db, f.maryam.clientId)).toHaveLength(before);
		expect(await messagesOfClient(db, f.frans.clientId)).toHaveLength(0);
	});

	it('keeps markup and emoji as the client typed them (shown as text, never as HTML)', async () => {
		const { db } = database();
		const body = '<script>alert(1)</script> 👍🏽 <b>vet</b>';
		const r = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'message', body },
			now: later(5)
		});
		expect(r.body.ok).toBe(true);
		const mine = await conversation.conversationOfUser(db, f.maryam.userId);
		expect(mine!.messages.at(-1)!.body).toBe(body);
	});

	it('lets another klantmanager neither read nor answer, and audits the attempt', async () => {
		const { db } = database();
		await expect(
			conversation.conversationForStaff(db, f.ahmed, f.maryam.clientId)
		).rejects.toBeInstanceOf(AccessDenied);
		await expect(
			conversation.reply(db, f.ahmed, f.maryam.clientId, { body: 'Hallo' })
		).rejects.toBeInstanceOf(AccessDenied);
		const denied = await db
			.select()
			.from(auditEvent)
			.where(
				and(
					eq(auditEvent.actorId, f.ahmed.id),
					eq(auditEvent.action, 'client.denied'),
					eq(auditEvent.clientId, f.maryam.clientId)
				)
			);
		expect(denied.length).toBe(2);
		expect(
			(await messagesOfClient(db, f.maryam.clientId)).filter((m) => !m.fromClient)
		).toHaveLength(0);
	});

	it('the team lead answers; the client sees who answered, the wait is over and timed', async () => {
		const { db } = database();
		const r = await conversation.reply(
			db,
			f.lead,
			f.maryam.clientId,
			{ body: 'Sanne is weg, ik help je. Kom dinsdag langs.' },
			later(30)
		);
		expect(r.ok).toBe(true);
		const mine = await conversation.conversationOfUser(db, f.maryam.userId);
		expect(mine!.messages.at(-1)).toMatchObject({
			fromClient: false,
			author: 'Petra',
			read: false
		});
		expect(await conversation.openConversations(db, f.sanne)).toEqual([]);
		expect(await conversation.firstAnswerSeconds(db, f.maryam.clientId)).toEqual([
			expect.objectContaining({ seconds: 30 * 60 }),
			expect.objectContaining({ seconds: 25 * 60 })
		]);
		const [told] = await db
			.select()
			.from(notification)
			.where(and(eq(notification.userId, f.maryam.userId), eq(notification.kind, 'newMessage')));
		expect(told!.payload).toEqual({ params: {}, link: '/berichten' });
		expect(JSON.stringify(told!.payload)).not.toContain('dinsdag');
	});

	it('counts the answer unread until the client has been shown it (a POST), once per key', async () => {
		const { db } = database();
		expect(await conversation.unreadForClient(db, f.maryam.userId)).toBe(1);
		const mine = await conversation.conversationOfUser(db, f.maryam.userId);
		// Reading the conversation writes nothing.
		expect(await conversation.unreadForClient(db, f.maryam.userId)).toBe(1);
		const k = key();
		const action = { type: 'read' as const, upTo: mine!.messages.at(-1)!.id };
		const first = await applyClientAction(db, { userId: f.maryam.userId, key: k, action });
		const again = await applyClientAction(db, { userId: f.maryam.userId, key: k, action });
		expect(first.body).toEqual({ ok: true, marked: 1 });
		expect(again.replayed).toBe(true);
		expect(await conversation.unreadForClient(db, f.maryam.userId)).toBe(0);
		// Frans cannot mark Maryam's messages read.
		const other = await applyClientAction(db, { userId: f.frans.userId, key: key(), action });
		expect(other.body).toEqual({ ok: false, error: 'not_found' });
		// A "read" that names nothing is not an action at all.
		expect(clientAction.safeParse({ type: 'read' }).success).toBe(false);
		expect(clientAction.safeParse({ type: 'read', upTo: action.upTo }).success).toBe(true);
	});

	it('lets a stand-in read and answer while the stand-in lasts, not after', async () => {
		const { db } = database();
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'message', body: 'Nog een vraag' },
			now: later(60)
		});
		expect(
			await conversation.setStandIn(db, f.sanne, { standInId: f.ahmed.id, until: '2026-12-31' })
		).toEqual({ ok: true });
		await expect(
			conversation.requireConversationAccess(db, f.ahmed, f.maryam.clientId, '2026-12-10')
		).resolves.toBeUndefined();
		expect(
			(await conversation.openConversations(db, f.ahmed, '2026-12-10')).map((c) => c.name)
		).toEqual(['Maryam Haddad']);
		await expect(
			conversation.requireConversationAccess(db, f.ahmed, f.maryam.clientId, '2027-01-01')
		).rejects.toBeInstanceOf(AccessDenied);
		await conversation.setStandIn(db, f.sanne, { standInId: null, until: null });
	});

	it('answers “Vraag mijn klantmanager hiernaar” where it was asked', async () => {
		const { db } = database();
		const jobcoaching = await f.instrumentId('jobcoaching');
		const asked = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'ask', instrumentId: jobcoaching, message: 'Is dit iets voor mij?' },
			now: later(70)
		});
		expect(asked.body.ok).toBe(true);
		const open = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		const question = open.messages.find((m) => m.context?.kind === 'instrument')!;
		expect(question).toMatchObject({ body: 'Is dit iets voor mij?', intent: 'ask' });
		const r = await conversation.reply(
			db,
			f.sanne,
			f.maryam.clientId,
			{ body: 'Ja, ik meld je aan.', replyTo: question.id },
			later(80)
		);
		expect(r.ok).toBe(true);
		const about = await conversation.messagesAbout(db, f.maryam.userId, jobcoaching);
		expect(about.map((m) => [m.fromClient, m.body, m.author])).toEqual([
			[true, 'Is dit iets voor mij?', 'Maryam Haddad'],
			[false, 'Ja, ik meld je aan.', 'Sanne']
		]);
		const [req] = await db
			.select()
			.from(clientRequest)
			.where(eq(clientRequest.instrumentId, jobcoaching));
		// The request row keeps only its state; the question and answer are the messages, which
		// the klantmanager's list of requests shows.
		expect(req).toMatchObject({ status: 'answered', message: null, answer: null });
		expect((await requestsOf(db, f.maryam.clientId)).find((x) => x.id === req!.id)).toMatchObject({
			message: 'Is dit iets voor mij?',
			answer: 'Ja, ik meld je aan.'
		});
		const [told] = await db
			.select()
			.from(notification)
			.where(and(eq(notification.userId, f.maryam.userId), eq(notification.kind, 'newMessage')))
			.orderBy(notification.createdAt);
		expect(told).toBeDefined();
		const links = (
			await db
				.select()
				.from(notification)
				.where(and(eq(notification.userId, f.maryam.userId), eq(notification.kind, 'newMessage')))
		).map((x) => x.payload.link);
		expect(links).toContain('/uitleg/hulp/jobcoaching');
		// Another client's question cannot be replied to in Maryam's conversation.
		expect(
			await conversation.reply(db, f.sanne, f.maryam.clientId, {
				body: 'x',
				replyTo: '00000000-0000-4000-8000-000000000000'
			})
		).toEqual({ ok: false, error: 'not_found' });
	});

	it('turns an appointment change request into a message about that appointment', async () => {
		const { db } = database();
		const [a] = await db
			.insert(appointment)
			.values({
				clientId: f.maryam.clientId,
				staffId: f.sanne.id,
				startsAt: new Date('2027-03-01T09:00:00Z'),
				endsAt: new Date('2027-03-01T09:30:00Z'),
				kind: 'in_person',
				purpose: 'Gesprek'
			})
			.returning();
		const r = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'change', appointmentId: a!.id, kind: 'other_time', reason: 'Ik werk dan' },
			now: later(90)
		});
		expect(r.body.ok).toBe(true);
		const about = await conversation.messagesAbout(db, f.maryam.userId, a!.id);
		expect(about).toEqual([
			expect.objectContaining({ body: 'Ik werk dan', intent: 'other_time', fromClient: true })
		]);
		expect((await conversation.openConversations(db, f.sanne)).length).toBe(1);
		const [req] = await db
			.select()
			.from(clientRequest)
			.where(eq(clientRequest.appointmentId, a!.id));
		await clientRequests.answerRequest(db, f.sanne, f.maryam.clientId, {
			requestId: req!.id,
			status: 'accepted',
			answer: 'Prima, ik bel je voor een nieuwe tijd.'
		});
		const after = await conversation.messagesAbout(db, f.maryam.userId, a!.id);
		expect(after.map((m) => [m.fromClient, m.body])).toEqual([
			[true, 'Ik werk dan'],
			[false, 'Prima, ik bel je voor een nieuwe tijd.']
		]);
		expect(await conversation.openConversations(db, f.sanne)).toEqual([]);
	});

	it('saves a note on a step without changing its status; “klaar” is its own action', async () => {
		const { db } = database();
		const step = maryamPlan.steps[0]!;
		const note = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'step', stepId: step.id, note: 'Ik loop vast' }
		});
		expect(note.body.ok).toBe(true);
		let [row] = await db.select().from(planStep).where(eq(planStep.id, step.id));
		expect(row).toMatchObject({ status: 'todo', clientNote: 'Ik loop vast', doneAt: null });
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'step', stepId: step.id, done: true }
		});
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'step', stepId: step.id, note: 'Gelukt' }
		});
		[row] = await db.select().from(planStep).where(eq(planStep.id, step.id));
		expect(row).toMatchObject({ status: 'done', clientNote: 'Gelukt' });
	});

	it('“Ik heb een vraag” about a plan version needs a reason and waits for the klantmanager', async () => {
		const { db } = database();
		const p = maryamPlan.plan;
		const none = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: {
				type: 'message',
				body: ' ',
				context: { kind: 'plan', id: p.id, version: 2, intent: 'disagree' }
			}
		});
		expect(none.body).toMatchObject({ ok: false, error: 'reason_missing' });
		const asked = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: {
				type: 'message',
				body: 'Wat betekent stap 2?',
				context: { kind: 'plan', id: p.id, version: 2, intent: 'question' }
			},
			now: later(100)
		});
		expect(asked.body.ok).toBe(true);
		expect(await conversation.planVersionsWaiting(db, p.id)).toEqual([
			expect.objectContaining({ version: 2, intent: 'question', body: 'Wat betekent stap 2?' })
		]);
		const seen = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		const q = seen.messages.find((m) => m.context?.kind === 'plan')!;
		expect(q.context).toEqual({ kind: 'plan', id: p.id, version: 2, link: '/plan' });
		await conversation.reply(db, f.sanne, f.maryam.clientId, {
			body: 'Dat leg ik uit',
			replyTo: q.id
		});
		expect(await conversation.planVersionsWaiting(db, p.id)).toEqual([]);
	});
});

describeEachDatabase('answering an appointment change request in the conversation', (database) => {
	let f: Fixture;

	async function changeRequest(db: Db, startsAt: string, reason: string) {
		const [a] = await db
			.insert(appointment)
			.values({
				clientId: f.maryam.clientId,
				staffId: f.sanne.id,
				startsAt: new Date(startsAt),
				endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000),
				kind: 'in_person',
				purpose: 'Gesprek'
			})
			.returning();
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'change', appointmentId: a!.id, kind: 'other_time', reason },
			now: later(0)
		});
		const seen = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		const asked = seen.messages.find((m) => m.context?.id === a!.id)!;
		return { appointmentId: a!.id, messageId: asked.id };
	}
	const requestState = async (db: Db, appointmentId: string) =>
		(await appointmentOfClient(db, f.maryam.clientId, appointmentId))!.request;
	const staffMessages = async (db: Db) =>
		(await messagesOfClient(db, f.maryam.clientId)).filter((m) => !m.fromClient).length;

	it('asks what happens with the request, and a decision in the reply handles it for the client to see', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const asked = await changeRequest(db, '2027-03-01T09:00:00Z', 'Ik werk dan');
		// Answering the request without saying what happens with it is not possible.
		expect(
			await conversation.reply(
				db,
				f.sanne,
				f.maryam.clientId,
				{ body: 'Goed, dinsdag om 10 uur.', replyTo: asked.messageId },
				later(10)
			)
		).toEqual({ ok: false, error: 'decision_missing' });
		expect(await staffMessages(db)).toBe(0);
		expect(await requestState(db, asked.appointmentId)).toEqual({
			kind: 'appointment_change',
			status: 'open'
		});
		const r = await conversation.reply(
			db,
			f.sanne,
			f.maryam.clientId,
			{ body: 'Goed, dinsdag om 10 uur.', replyTo: asked.messageId, decision: 'accepted' },
			later(10)
		);
		expect(r.ok).toBe(true);
		// The client sees the decision on the appointment, and the answer in its thread.
		expect(await requestState(db, asked.appointmentId)).toEqual({
			kind: 'appointment_change',
			status: 'accepted'
		});
		const thread = await conversation.messagesAbout(db, f.maryam.userId, asked.appointmentId);
		expect(thread.map((m) => [m.fromClient, m.body])).toEqual([
			[true, 'Ik werk dan'],
			[false, 'Goed, dinsdag om 10 uur.']
		]);
		const told = await db
			.select()
			.from(notification)
			.where(and(eq(notification.userId, f.maryam.userId), eq(notification.channel, 'inbox')));
		expect(told.map((n) => [n.kind, n.payload.link])).toEqual([
			['requestAnswered', `/afspraken/${asked.appointmentId}`]
		]);
		const [event] = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, f.sanne.id), eq(auditEvent.action, 'request.answer')));
		expect(event!.detail).toMatchObject({ status: 'accepted' });
		const list = await caseload.searchCaseload(db, f.sanne, {});
		expect(list.rows.find((x) => x.id === f.maryam.clientId)!.openRequests).toBe(0);
	});

	it('“not yet” answers and keeps the request open; a later reply decides; a closed request is not decided again', async () => {
		const { db } = database();
		const asked = await changeRequest(db, '2027-03-08T09:00:00Z', 'Dan ben ik naar de dokter');
		const before = await staffMessages(db);
		const first = await conversation.reply(
			db,
			f.sanne,
			f.maryam.clientId,
			{ body: 'Welke dag past je wel?', replyTo: asked.messageId, decision: 'open' },
			later(20)
		);
		expect(first.ok).toBe(true);
		expect((await requestState(db, asked.appointmentId))!.status).toBe('open');
		// Answered, so the conversation no longer waits; the request still does, counted once.
		expect(await conversation.openConversations(db, f.sanne)).toEqual([]);
		const row = (await caseload.searchCaseload(db, f.sanne, {})).rows.find(
			(x) => x.id === f.maryam.clientId
		)!;
		expect([row.openRequests, row.unreadMessages]).toEqual([1, 0]);
		const declined = await conversation.reply(
			db,
			f.sanne,
			f.maryam.clientId,
			{
				body: 'Dat lukt niet, de afspraak blijft.',
				replyTo: asked.messageId,
				decision: 'declined'
			},
			later(30)
		);
		expect(declined.ok).toBe(true);
		expect((await requestState(db, asked.appointmentId))!.status).toBe('declined');
		// The stand-in or the lead answering the same request a moment later: refused, nothing stored.
		expect(
			await conversation.reply(
				db,
				f.lead,
				f.maryam.clientId,
				{ body: 'Prima, ik verzet hem.', replyTo: asked.messageId, decision: 'accepted' },
				later(31)
			)
		).toEqual({ ok: false, error: 'no_open_request' });
		expect((await requestState(db, asked.appointmentId))!.status).toBe('declined');
		expect(await staffMessages(db)).toBe(before + 2);
	});

	it('a decision on a message that is not a change request is refused, nothing stored', async () => {
		const { db } = database();
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: { type: 'message', body: 'Hoe gaat het met mijn aanvraag?' },
			now: later(40)
		});
		const seen = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		const plain = seen.messages.at(-1)!;
		const before = await staffMessages(db);
		expect(
			await conversation.reply(db, f.sanne, f.maryam.clientId, {
				body: 'Goedgekeurd',
				replyTo: plain.id,
				decision: 'accepted'
			})
		).toEqual({ ok: false, error: 'no_open_request' });
		expect(await staffMessages(db)).toBe(before);
	});
});
