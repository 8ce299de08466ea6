import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import webpush from 'web-push';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { decrypt, device as deviceOn, startPushEndpoint, type PushEndpoint } from './push-endpoint';
import { message, pushSubscription, user } from '../../src/lib/server/db/schema';
import * as push from '../../src/lib/server/push/push';
import * as conversation from '../../src/lib/server/messages/conversation';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import { notifyClient, type Channel } from '../../src/lib/server/notifications/notifications';

// The push service is a small HTTPS endpoint on this machine (push-endpoint.ts); the test
// decrypts what reaches it with the device's keys, as the phone would.

const vapid = webpush.generateVAPIDKeys();
const keys = () => ({ ...vapid, subject: 'mailto:test@wegwijs.example' });

let endpoint: PushEndpoint;
let received: PushEndpoint['received'];
beforeAll(async () => {
	endpoint = await startPushEndpoint();
	received = endpoint.received;
});
afterAll(() => endpoint.close());
const device = (name: string) => deviceOn(endpoint.origin, name);

describeEachDatabase('Web Push to the client’s phone', (database) => {
	let f: Fixture;
	let phone: ReturnType<typeof device>;

	it('a klantmanager’s answer reaches the phone encrypted, in the client’s language, without the text', async () => {
		const { db } = database();
		f = await buildFixture(db);
		received.length = 0;
		phone = device(`maryam-${randomBytes(4).toString('hex')}`);
		expect(await push.subscribe(db, f.maryam.userId, phone.sub)).toEqual({ ok: true });
		await db.update(user).set({ language: 'ar' }).where(eq(user.id, f.maryam.userId));
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: `push-q-${Date.now()}-abcdefgh`,
			action: { type: 'message', body: 'Wanneer krijg ik mijn geld?', context: { kind: 'home' } }
		});
		const answer = 'Je geld komt op 24 december, Maryam';
		await conversation.reply(db, f.sanne, f.maryam.clientId, { body: answer }, new Date(), [
			push.pushChannel(keys)
		]);
		expect(received).toHaveLength(1);
		const r = received[0]!;
		expect(r.headers['content-encoding']).toBe('aes128gcm');
		expect(String(r.headers.authorization)).toMatch(/^vapid t=.+, k=/);
		// The body on the wire is ciphertext: neither the answer nor the sentence is readable.
		expect(r.body.includes(Buffer.from('24 december'))).toBe(false);
		const shown = decrypt(phone, r);
		expect(shown).toEqual({ title: 'Wegwijs', body: 'لديك رسالة جديدة.', url: '/berichten' });
		expect(JSON.stringify(shown)).not.toContain('24 december');
		expect(JSON.stringify(shown)).not.toContain('Maryam');
	});

	it('a reply whose transaction rolls back sends no push (sent only after the commit)', async () => {
		const { db } = database();
		received.length = 0;
		await applyClientAction(db, {
			userId: f.maryam.userId,
			key: `push-rb-${Date.now()}-abcdefgh`,
			action: { type: 'message', body: 'Is er al nieuws?', context: { kind: 'home' } }
		});
		// A channel after push fails, so the reply's transaction is rolled back.
		const broken: Channel = {
			name: 'broken',
			accepts: () => true,
			deliver: async () => {
				throw new Error('mail server gone');
			}
		};
		await expect(
			conversation.reply(db, f.sanne, f.maryam.clientId, { body: 'Nog niet.' }, new Date(), [
				push.pushChannel(keys),
				broken
			])
		).rejects.toThrow('mail server gone');
		// Give a push that went out anyway time to arrive.
		await new Promise((r) => setTimeout(r, 300));
		expect(received).toHaveLength(0);
		const [stored] = await db
			.select({ n: count() })
			.from(message)
			.where(and(eq(message.clientId, f.maryam.clientId), eq(message.body, 'Nog niet.')));
		expect(stored!.n).toBe(0);
	});

	it('a day-before reminder opens the appointment; a device the push service forgot is removed', async () => {
		const { db } = database();
		received.length = 0;
		const old = device(`old-${Date.now()}`);
		await push.subscribe(db, f.maryam.userId, old.sub);
		endpoint.gone.add(new URL(old.sub.endpoint).pathname);
		await notifyClient(
			db,
			f.maryam.clientId,
			{
				kind: 'appointmentReminder',
				params: { when: new Date().toISOString(), name: 'Sanne' },
				link: '/afspraken/x'
			},
			[push.pushChannel(keys)]
		);
		expect(received).toHaveLength(2);
		const mine = received.find((r) => !endpoint.gone.has(r.path))!;
		expect(decrypt(phone, mine)).toMatchObject({ body: 'لديك موعد غدًا.', url: '/afspraken/x' });
		const left = await db
			.select({ endpoint: pushSubscription.endpoint })
			.from(pushSubscription)
			.where(eq(pushSubscription.userId, f.maryam.userId));
		expect(left.map((s) => s.endpoint)).toEqual([phone.sub.endpoint]);
		endpoint.gone.clear();
	});

	it('refuses a subscription for a device of another account, and one that is not https', async () => {
		const { db } = database();
		expect(await push.subscribe(db, f.frans.userId, phone.sub)).toEqual({
			ok: false,
			error: 'push_other_account'
		});
		const [row] = await db
			.select({ userId: pushSubscription.userId })
			.from(pushSubscription)
			.where(eq(pushSubscription.endpoint, phone.sub.endpoint));
		expect(row!.userId).toBe(f.maryam.userId);
		const plain = { ...phone.sub, endpoint: 'http://push.example/x' };
		expect(push.subscriptionInput.safeParse(plain).success).toBe(false);
		const shortKey = { ...phone.sub, keys: { ...phone.sub.keys, auth: 'AAAA' } };
		expect(push.subscriptionInput.safeParse(shortKey).success).toBe(false);
	});
});
