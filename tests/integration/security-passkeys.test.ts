import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, staffPasskey, user } from '../../src/lib/server/db/schema';
import { createSession } from '../../src/lib/server/auth/session';
import * as passkeys from '../../src/lib/server/auth/passkeys';
import * as secondFactor from '../../src/lib/server/auth/second-factor';
import { SoftAuthenticator } from './soft-authenticator';

// #14: a passkey as the second factor. Registration and sign-in checked with a software
// authenticator (node:crypto): the challenge is this session's, used once and expires; the
// signature counter must go up; another person's passkey, another origin and junk are refused.
describeEachDatabase('passkeys for staff', (database) => {
	const site = { origin: 'https://wegwijs.example' };
	const T0 = new Date('2026-12-07T09:00:00Z');
	const later = (ms: number) => new Date(T0.getTime() + ms);
	let userId = '';
	let otherId = '';
	let sessionId = '';
	let otherSession = '';
	const soft = new SoftAuthenticator(site.origin);

	const newSession = async (id: string) => {
		const { db } = database();
		const { token } = await createSession(db, id, 60 * 60 * 1000, T0, {
			secondFactorPending: true
		});
		return token.split('.')[0]!;
	};
	const events = async (action: 'auth.second_factor_failed' | 'auth.second_factor_enrolled') => {
		const { db } = database();
		return db
			.select({ detail: auditEvent.detail })
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, userId), eq(auditEvent.action, action)));
	};

	it('registers a passkey at first sign-in: enrolled, ten recovery codes, audited', async () => {
		const { db } = database();
		const [u, o] = await db
			.insert(user)
			.values([
				{ displayName: 'Petra', email: 'pk-admin@x.example', roles: ['admin'] },
				{ displayName: 'Omar', email: 'pk-km@x.example', roles: ['klantmanager'] }
			])
			.returning();
		userId = u!.id;
		otherId = o!.id;
		sessionId = await newSession(userId);
		otherSession = await newSession(otherId);
		const options = await passkeys.registrationOptions(db, { user: u!, sessionId, site, now: T0 });
		expect(options.rp.id).toBe('wegwijs.example');
		const answer = soft.create(options);
		// Another session cannot use this session's challenge.
		expect(
			await passkeys.register(db, {
				userId: otherId,
				sessionId: otherSession,
				site,
				response: answer,
				now: T0
			})
		).toEqual({ ok: false, reason: 'invalid' });
		const done = await passkeys.register(db, {
			userId,
			sessionId,
			site,
			response: answer,
			now: T0
		});
		expect(done.ok).toBe(true);
		expect(done.ok && done.recoveryCodes).toHaveLength(10);
		expect(await secondFactor.isEnrolled(db, userId)).toBe(true);
		expect(await secondFactor.isEnrolled(db, otherId)).toBe(false);
		expect((await events('auth.second_factor_enrolled')).map((e) => e.detail)).toEqual([
			{ method: 'passkey' }
		]);
		// The challenge was used: the same answer again is refused and stores nothing.
		expect(
			await passkeys.register(db, { userId, sessionId, site, response: answer, now: T0 })
		).toEqual({ ok: false, reason: 'invalid' });
		expect(
			await db.select().from(staffPasskey).where(eq(staffPasskey.userId, userId))
		).toHaveLength(1);
	});

	it('refuses a registration from another origin, after the challenge expired, or of junk', async () => {
		const { db } = database();
		const [u] = await db.select().from(user).where(eq(user.id, otherId));
		const other = new SoftAuthenticator(site.origin);
		const o1 = await passkeys.registrationOptions(db, {
			user: u!,
			sessionId: otherSession,
			site,
			now: T0
		});
		const phished = other.create(o1, { origin: 'https://wegwijs.example.evil' });
		expect(
			(
				await passkeys.register(db, {
					userId: otherId,
					sessionId: otherSession,
					site,
					response: phished,
					now: T0
				})
			).ok
		).toBe(false);
		const o2 = await passkeys.registrationOptions(db, {
			user: u!,
			sessionId: otherSession,
			site,
			now: T0
		});
		const late = later(passkeys.CHALLENGE_MS + 1000);
		expect(
			(
				await passkeys.register(db, {
					userId: otherId,
					sessionId: otherSession,
					site,
					response: other.create(o2),
					now: late
				})
			).ok
		).toBe(false);
		for (const junk of [
			null,
			'x',
			{ id: 'a', rawId: 'a', type: 'public-key', response: {} },
			{ ...other.create(o2), response: { clientDataJSON: '!!', attestationObject: '' } }
		]) {
			expect(
				await passkeys.register(db, {
					userId: otherId,
					sessionId: otherSession,
					site,
					response: junk,
					now: T0
				})
			).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(await secondFactor.isEnrolled(db, otherId)).toBe(false);
	});

	it('signs in with the passkey once per challenge; the same answer again is refused', async () => {
		const { db } = database();
		const options = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: T0 });
		expect(options.allowCredentials?.map((c) => c.id)).toEqual([soft.id]);
		const answer = soft.get(options);
		expect(
			await passkeys.authenticate(db, { userId, sessionId, site, response: answer, now: T0 })
		).toEqual({
			ok: true,
			recoveryCodes: null
		});
		expect(
			await passkeys.authenticate(db, { userId, sessionId, site, response: answer, now: T0 })
		).toEqual({ ok: false, reason: 'invalid' });
		const [row] = await db.select().from(staffPasskey).where(eq(staffPasskey.userId, userId));
		expect(row!.counter).toBe(soft.counter);
		expect(row!.lastUsedAt?.toISOString()).toBe(T0.toISOString());
	});

	it('a passkey without a counter: a second one adds no new recovery codes; its answer works once', async () => {
		const { db } = database();
		const [u] = await db.select().from(user).where(eq(user.id, userId));
		const noCounter = new SoftAuthenticator(site.origin, false);
		const r = await passkeys.registrationOptions(db, { user: u!, sessionId, site, now: T0 });
		expect(r.excludeCredentials?.map((c) => c.id)).toEqual([soft.id]);
		expect(
			await passkeys.register(db, {
				userId,
				sessionId,
				site,
				response: noCounter.create(r),
				now: T0
			})
		).toEqual({ ok: true, recoveryCodes: null });
		const options = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: T0 });
		const answer = noCounter.get(options);
		expect(
			(await passkeys.authenticate(db, { userId, sessionId, site, response: answer, now: T0 })).ok
		).toBe(true);
		// Only the used-up challenge stops this replay: the counter stays 0.
		expect(
			(await passkeys.authenticate(db, { userId, sessionId, site, response: answer, now: T0 })).ok
		).toBe(false);
	});

	it('refuses a counter that did not go up (a cloned passkey)', async () => {
		const { db } = database();
		const used = soft.counter;
		const options = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: T0 });
		const cloned = soft.get(options, { counter: used });
		expect(
			(await passkeys.authenticate(db, { userId, sessionId, site, response: cloned, now: T0 })).ok
		).toBe(false);
	});

	it('takes one of two answers sent at once to the same challenge', async () => {
		const { db } = database();
		const options = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: T0 });
		const a = soft.get(options);
		const b = soft.get(options);
		const results = await Promise.all([
			passkeys.authenticate(db, { userId, sessionId, site, response: a, now: T0 }),
			passkeys.authenticate(db, { userId, sessionId, site, response: b, now: T0 })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});

	it("refuses another person's passkey, another origin and an expired challenge; failures audited and limited", async () => {
		const { db } = database();
		const before = (await events('auth.second_factor_failed')).length;
		// Omar's session asks; Petra's passkey answers: not his.
		const o = await passkeys.authenticationOptions(db, {
			userId: otherId,
			sessionId: otherSession,
			site,
			now: T0
		});
		expect(o.allowCredentials).toEqual([]);
		expect(
			(
				await passkeys.authenticate(db, {
					userId: otherId,
					sessionId: otherSession,
					site,
					response: soft.get(o),
					now: T0
				})
			).ok
		).toBe(false);
		const o1 = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: T0 });
		const phished = soft.get(o1, { origin: 'https://evil.example' });
		expect(
			(await passkeys.authenticate(db, { userId, sessionId, site, response: phished, now: T0 })).ok
		).toBe(false);
		const o2 = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: T0 });
		const late = later(passkeys.CHALLENGE_MS + 1000);
		expect(
			(
				await passkeys.authenticate(db, {
					userId,
					sessionId,
					site,
					response: soft.get(o2),
					now: late
				})
			).ok
		).toBe(false);
		const failed = await events('auth.second_factor_failed');
		expect(failed.length - before).toBe(2);
		expect(failed.at(-1)!.detail).toEqual({ method: 'passkey' });
		// After the free attempts, a wait: even the right passkey is not checked at once.
		for (let i = 0; i < secondFactor.FREE_ATTEMPTS; i++)
			await passkeys.authenticate(db, { userId, sessionId, site, response: 'junk', now: late });
		const o3 = await passkeys.authenticationOptions(db, { userId, sessionId, site, now: late });
		const limited = await passkeys.authenticate(db, {
			userId,
			sessionId,
			site,
			response: soft.get(o3),
			now: late
		});
		expect(limited.ok === false && limited.reason).toBe('limited');
	});
});
