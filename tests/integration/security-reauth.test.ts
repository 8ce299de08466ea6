import { expect, it } from 'vitest';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { describeEachDatabase } from './databases';
import { authIdentity, user } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import {
	createSession,
	recentlyVerified,
	validateSessionToken,
	PENDING_MS
} from '../../src/lib/server/auth/session';
import * as secondFactor from '../../src/lib/server/auth/second-factor';
import { reauthenticate, REAUTH_MS } from '../../src/lib/server/auth/reauthenticate';

const LIMITS = {
	staff: { absoluteMs: 8 * 3_600_000, idleMs: 30 * 60_000 },
	client: { absoluteMs: 30 * 86_400_000, idleMs: 14 * 86_400_000 }
};

describeEachDatabase('re-authentication and half sessions (#14)', (database) => {
	let adminId = '';
	let key: Uint8Array = new Uint8Array();
	const T0 = new Date('2026-12-07T09:00:05Z');
	const later = (ms: number) => new Date(T0.getTime() + ms);

	it('prepares an admin with a password', async () => {
		const { db } = database();
		const [a] = await db
			.insert(user)
			.values({ displayName: 'Ineke', email: 'reauth@x.example', roles: ['admin'] })
			.returning();
		adminId = a!.id;
		await db.insert(authIdentity).values({
			userId: adminId,
			provider: 'password',
			subject: 'reauth@x.example',
			passwordHash: await hashPassword('the admin password')
		});
	});

	it('a half session (second factor not given) ends after 10 minutes', async () => {
		const { db } = database();
		const { token } = await createSession(db, adminId, LIMITS.staff, T0, {
			secondFactorPending: true
		});
		const soon = await validateSessionToken(db, token, LIMITS, later(60_000));
		expect(soon?.session.secondFactorPending).toBe(true);
		expect(await validateSessionToken(db, token, LIMITS, later(PENDING_MS + 1000))).toBeNull();
	});

	it('a proof is recent for 10 minutes after sign-in, then the password renews it', async () => {
		const { db } = database();
		const { token } = await createSession(db, adminId, LIMITS.staff, T0);
		const at = later(REAUTH_MS + 60_000);
		const s = (await validateSessionToken(db, token, LIMITS, at))!.session;
		expect(recentlyVerified(s, REAUTH_MS, later(REAUTH_MS - 1000))).toBe(true);
		expect(recentlyVerified(s, REAUTH_MS, at)).toBe(false);
		const wrong = await reauthenticate(db, {
			userId: adminId,
			sessionId: s.id,
			secret: 'not it',
			now: at
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		const right = await reauthenticate(db, {
			userId: adminId,
			sessionId: s.id,
			secret: 'the admin password',
			now: at
		});
		expect(right).toEqual({ ok: true });
		const renewed = (await validateSessionToken(db, token, LIMITS, later(REAUTH_MS + 120_000)))!;
		expect(recentlyVerified(renewed.session, REAUTH_MS, later(REAUTH_MS + 120_000))).toBe(true);
	});

	it('with a second factor: the code, not the password, renews it', async () => {
		const { db } = database();
		const setup = (await secondFactor.beginSetup(
			db,
			{ id: adminId, email: 'reauth@x.example' },
			T0
		))!;
		key = decodeBase32IgnorePadding(setup.secret.replace(/ /g, ''));
		expect(
			(await secondFactor.confirmSetup(db, adminId, secondFactor.codeAt(key, T0), T0)).ok
		).toBe(true);
		const { token } = await createSession(db, adminId, LIMITS.staff, T0);
		const at = later(REAUTH_MS * 2);
		const s = (await validateSessionToken(db, token, LIMITS, at))!.session;
		const byPassword = await reauthenticate(db, {
			userId: adminId,
			sessionId: s.id,
			secret: 'the admin password',
			now: at
		});
		expect(byPassword.ok).toBe(false);
		const byCode = await reauthenticate(db, {
			userId: adminId,
			sessionId: s.id,
			secret: secondFactor.codeAt(key, at),
			now: at
		});
		expect(byCode).toEqual({ ok: true });
	});

	it('guessing is limited: 40 parallel wrong passwords, at most 5 checked', async () => {
		const { db } = database();
		const [u] = await db
			.insert(user)
			.values({ displayName: 'Km', email: 'reauth-km@x.example', roles: ['admin'] })
			.returning();
		await db.insert(authIdentity).values({
			userId: u!.id,
			provider: 'password',
			subject: 'reauth-km@x.example',
			passwordHash: await hashPassword('another password')
		});
		const { token } = await createSession(db, u!.id, LIMITS.staff, T0);
		const s = (await validateSessionToken(db, token, LIMITS, T0))!.session;
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				reauthenticate(db, { userId: u!.id, sessionId: s.id, secret: `guess ${i}`, now: T0 })
			)
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(5);
	});
});
