import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import webpush from 'web-push';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { device, startPushEndpoint, type PushEndpoint } from './push-endpoint';
import { appointment, client, clientRequest, user } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/open';
import { transaction } from '../../src/lib/server/db/after-commit';
import * as push from '../../src/lib/server/push/push';
import * as notifications from '../../src/lib/server/notifications/notifications';
import * as conversation from '../../src/lib/server/messages/conversation';
import * as appointments from '../../src/lib/server/appointments/appointment-planning';
import * as clientRequests from '../../src/lib/server/appointments/client-requests';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as outflows from '../../src/lib/server/caseload/outflow';
import * as drafts from '../../src/lib/server/plans/plan-drafts';
import { once } from '../../src/lib/server/client/idempotency';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import { importFile } from '../../src/lib/server/import/kinds';

// A push reaches a locked phone at once and an e-mail cannot be called back: both may only go
// out once the change they announce is committed. Every path that tells a client something is
// run here with the client's phone subscribed (to a push endpoint on this machine) and with
// the transaction refused at its commit, and nothing may arrive.

// The default channels (inbox, e-mail, Web Push with the VAPID keys from the environment), as
// in the app; the keys come from here so no key file is written.
const vapid = webpush.generateVAPIDKeys();
vi.stubEnv('VAPID_PUBLIC_KEY', vapid.publicKey);
vi.stubEnv('VAPID_PRIVATE_KEY', vapid.privateKey);

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (iso: string) => new Date(iso);
let endpoint: PushEndpoint;
beforeAll(async () => {
	endpoint = await startPushEndpoint();
});
afterAll(() => endpoint.close());

/** Lets a push that went out anyway arrive before counting. */
const settle = () => new Promise((r) => setTimeout(r, 300));

/**
 * Makes every transaction that gives this person a notice fail at COMMIT (a deferred
 * constraint trigger), as a lost connection or a serialization failure would: the change is
 * rolled back after everything in it, the notice included, has run.
 */
async function refuseCommitsTelling(db: Db, userId: string): Promise<() => Promise<void>> {
	await db.execute(sql`create or replace function test_refuse_commit() returns trigger
		language plpgsql as $$ begin raise exception 'refused at commit'; end $$`);
	// A uuid from the database: safe to write into the statement.
	await db.execute(
		sql.raw(`create constraint trigger test_refuse_commit after insert on notification
			deferrable initially deferred for each row
			when (new.user_id = '${userId}'::uuid) execute function test_refuse_commit()`)
	);
	return async () => {
		await db.execute(sql`drop trigger test_refuse_commit on notification`);
	};
}

describeEachDatabase('after commit: nothing leaves for a change that rolled back', (database) => {
	let f: Fixture;
	let number: string;

	async function futureAppointment(db: Db, startsAt = '2027-03-01T09:00:00Z') {
		const [a] = await db
			.insert(appointment)
			.values({
				clientId: f.maryam.clientId,
				staffId: f.sanne.id,
				startsAt: at(startsAt),
				endsAt: new Date(at(startsAt).getTime() + 30 * 60_000),
				kind: 'phone',
				purpose: 'Bijpraten'
			})
			.returning();
		return a!;
	}

	it('a committed change does reach the phone (the endpoint works)', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const [row] = await db
			.select({ number: client.clientNumber })
			.from(client)
			.where(eq(client.id, f.maryam.clientId));
		number = row!.number;
		const phone = device(endpoint.origin, `maryam-${Date.now()}`);
		expect(await push.subscribe(db, f.maryam.userId, phone.sub)).toEqual({ ok: true });
		endpoint.received.length = 0;
		const r = await appointments.planAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			{
				startsAt: at('2027-02-01T09:00:00Z'),
				endsAt: at('2027-02-01T09:30:00Z'),
				kind: 'phone',
				purpose: 'Kennismaken'
			},
			NOW
		);
		expect(r.ok).toBe(true);
		await settle();
		expect(endpoint.received).toHaveLength(1);
	});

	it('every change that tells the client sends nothing when its commit fails', async () => {
		const { db } = database();
		// What each path needs, made before commits are refused.
		const toMove = await futureAppointment(db, '2027-03-02T09:00:00Z');
		const toCancel = await futureAppointment(db, '2027-03-03T09:00:00Z');
		const asked = await futureAppointment(db, '2027-03-04T09:00:00Z');
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: `ac-change-${Date.now()}-abcdefgh`,
			action: { type: 'change', appointmentId: asked.id, kind: 'cannot_come', reason: 'Ziek' },
			now: NOW
		});
		const [request] = await db
			.select()
			.from(clientRequest)
			.where(eq(clientRequest.appointmentId, asked.id));
		const tpl = (await drafts.templatesFor(db, 'perspectief'))[0]!;
		await drafts.createPlan(db, f.sanne, { clientId: f.maryam.clientId, templateId: tpl.id }, NOW);
		const draft = (await drafts.editorOf(db, f.maryam.clientId)).draft!;
		// Tomorrow's appointment for the reminder (2027-02-28 is the day before).
		await futureAppointment(db);

		const paths: [string, () => Promise<unknown>][] = [
			[
				'planning an appointment',
				() =>
					appointments.planAppointment(
						db,
						f.sanne,
						f.maryam.clientId,
						{
							startsAt: at('2027-04-01T09:00:00Z'),
							endsAt: at('2027-04-01T09:30:00Z'),
							kind: 'phone',
							purpose: 'Gesprek'
						},
						NOW
					)
			],
			[
				'moving an appointment',
				() =>
					appointments.moveAppointment(
						db,
						f.sanne,
						f.maryam.clientId,
						toMove.id,
						{ startsAt: at('2027-03-09T09:00:00Z'), endsAt: at('2027-03-09T09:30:00Z') },
						NOW
					)
			],
			[
				'cancelling an appointment',
				() => appointments.cancelAppointment(db, f.sanne, f.maryam.clientId, toCancel.id, NOW)
			],
			[
				'answering a request',
				() =>
					clientRequests.answerRequest(
						db,
						f.sanne,
						f.maryam.clientId,
						{ requestId: request!.id, status: 'declined', answer: 'Kom toch' },
						NOW
					)
			],
			['sharing a plan', () => drafts.share(db, f.sanne, f.maryam.clientId, draft, NOW)],
			[
				'a reply in the conversation',
				() => conversation.reply(db, f.sanne, f.maryam.clientId, { body: 'Hallo' }, NOW)
			],
			[
				// As the klantmanager's reply form sends it: once per key, in its own transaction.
				'a reply sent once per key (the reply form)',
				() =>
					once(
						db,
						{ key: `ac-reply-${Date.now()}`, userId: f.sanne.id, fingerprint: 'reply' },
						async (tx) => ({
							status: 200,
							body: await conversation.reply(tx, f.sanne, f.maryam.clientId, { body: 'Hoi' })
						})
					)
			],
			[
				'moving the client to another klantmanager',
				() =>
					caseload.moveClient(db, f.lead, {
						clientId: f.maryam.clientId,
						toKlantmanagerId: f.lead.id
					})
			],
			[
				'the day-before reminder',
				() => notifications.sendAppointmentReminders(db, at('2027-02-28T10:00:00Z'))
			],
			[
				'registering outflow',
				() =>
					outflows.registerOutflow(
						db,
						f.sanne,
						{ clientId: f.maryam.clientId, date: '2026-11-30', reason: 'werk', outcomes: {} },
						NOW
					)
			]
		];
		const leaked: string[] = [];
		const restore = await refuseCommitsTelling(db, f.maryam.userId);
		try {
			for (const [name, run] of paths) {
				endpoint.received.length = 0;
				await expect(run(), name).rejects.toThrow(/refused at commit/);
				await settle();
				if (endpoint.received.length > 0) leaked.push(name);
			}
		} finally {
			await restore();
		}
		expect(leaked).toEqual([]);
	});

	it('an outflow file checked without applying tells no one (the check is rolled back)', async () => {
		const { db } = database();
		endpoint.received.length = 0;
		const report = await importFile(
			db,
			f.lead.id,
			'uitstroom',
			(async function* () {
				yield new TextEncoder().encode(`clientnummer;datum;reden\n${number};30-11-2026;werk\n`);
			})(),
			{ apply: false, fileName: 'uitstroom.csv', now: NOW }
		);
		expect(report).toMatchObject({ ok: true, applied: false, created: 1 });
		await settle();
		expect(endpoint.received).toHaveLength(0);
	});

	it('an e-mail over SMTP goes out after the commit, and not at all after a rollback', async () => {
		const { db } = database();
		await db
			.update(user)
			.set({ email: 'maryam@example.org', preferences: { notifyEmail: true } })
			.where(eq(user.id, f.maryam.userId));
		const sent: SendMailOptions[] = [];
		const transport = nodemailer.createTransport({ jsonTransport: true });
		transport.sendMail = (async (m: SendMailOptions) => {
			sent.push(m);
			return {};
		}) as typeof transport.sendMail;
		const mail = notifications.emailChannel({ transport, from: 'a@b.example' });
		const notice = { kind: 'contactChanged' as const, params: { name: 'Petra' } };
		await expect(
			transaction(db, async (tx) => {
				await notifications.notify(tx, f.maryam.userId, notice, [mail]);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(sent).toHaveLength(0);
		let inside = -1;
		await transaction(db, async (tx) => {
			await notifications.notify(tx, f.maryam.userId, notice, [mail]);
			inside = sent.length;
		});
		expect([inside, sent.length]).toEqual([0, 1]);
	});

	it('refuses a notice inside a transaction that cannot hold it back until the commit', async () => {
		const { db } = database();
		endpoint.received.length = 0;
		await expect(
			db.transaction((tx) =>
				notifications.notify(tx, f.maryam.userId, { kind: 'newMessage', params: {} })
			)
		).rejects.toThrow(/after-commit/);
		await settle();
		expect(endpoint.received).toHaveLength(0);
	});
});
