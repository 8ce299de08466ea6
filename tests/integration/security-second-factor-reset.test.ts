import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	decodeBase32IgnorePadding,
	encodeBase32UpperCaseNoPadding,
	encodeBase64
} from '@oslojs/encoding';
import { describeEachDatabase } from './databases';
import {
	auditEvent,
	recoveryCode,
	staffPasskey,
	staffTotp,
	user
} from '../../src/lib/server/db/schema';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { env } from '../../src/lib/server/env';
import * as passkeys from '../../src/lib/server/auth/passkeys';
import * as secondFactor from '../../src/lib/server/auth/second-factor';
import { SoftAuthenticator } from './soft-authenticator';

// #14: an admin resets a lost second factor (not their own): factors and recovery codes go,
// the person's sessions end, the next sign-in enrols again, audited. And TOTP keys are sealed
// at rest: the raw column never holds the key; an old plain key still works and is re-sealed.
describeEachDatabase('second factor: admin reset and keys sealed at rest', (database) => {
	const T0 = new Date();
	const keyOf = (setup: { secret: string }) =>
		decodeBase32IgnorePadding(setup.secret.replace(/ /g, ''));
	let adminId = '';
	let staffId = '';

	it('stores a new TOTP key sealed: the raw column holds neither the key nor its typed form', async () => {
		const { db } = database();
		const [a, s] = await db
			.insert(user)
			.values([
				{ displayName: 'Anke', email: 'reset-admin@x.example', roles: ['admin'] },
				{ displayName: 'Sem', email: 'reset-km@x.example', roles: ['klantmanager'] }
			])
			.returning();
		adminId = a!.id;
		staffId = s!.id;
		const setup = (await secondFactor.beginSetup(db, s!, new Date(T0.getTime() - 1000)))!;
		const key = keyOf(setup);
		const [raw] = await db
			.select({ secret: staffTotp.secret })
			.from(staffTotp)
			.where(eq(staffTotp.userId, staffId));
		expect(raw!.secret).not.toContain(encodeBase64(key));
		expect(raw!.secret).not.toContain(encodeBase32UpperCaseNoPadding(key));
		expect(raw!.secret).toMatch(/^sealed:/);
		// The same half sign-in shows the same key again (read back through the seal).
		expect((await secondFactor.beginSetup(db, s!, new Date(T0.getTime() - 1000)))!.secret).toBe(
			setup.secret
		);
		expect(
			(await secondFactor.confirmSetup(db, staffId, secondFactor.codeAt(key, T0), T0)).ok
		).toBe(true);
	});

	it('reads a key stored plain before sealing, and seals it on first use', async () => {
		const { db } = database();
		const [old] = await db
			.insert(user)
			.values({ displayName: 'Oud', email: 'plain-key@x.example', roles: ['reporter'] })
			.returning();
		const key = new Uint8Array(20).fill(7);
		await db
			.insert(staffTotp)
			.values({ userId: old!.id, secret: encodeBase64(key), confirmedAt: T0 });
		expect((await secondFactor.verify(db, old!.id, secondFactor.codeAt(key, T0), T0)).ok).toBe(
			true
		);
		const [raw] = await db
			.select({ secret: staffTotp.secret })
			.from(staffTotp)
			.where(eq(staffTotp.userId, old!.id));
		expect(raw!.secret).not.toContain(encodeBase64(key));
		expect(raw!.secret).toMatch(/^sealed:/);
		const next = new Date(T0.getTime() + 60_000);
		expect((await secondFactor.verify(db, old!.id, secondFactor.codeAt(key, next), next)).ok).toBe(
			true
		);
	});

	it('an admin cannot reset their own second factor', async () => {
		const { db } = database();
		expect(await secondFactor.resetByAdmin(db, { actorId: adminId, userId: adminId })).toBe('own');
	});

	it('a reset removes TOTP, passkeys and recovery codes, ends every session, and is audited', async () => {
		const { db } = database();
		const site = { origin: 'https://wegwijs.example' };
		const limits = env().sessionLimits;
		const first = await createSession(db, staffId, limits.staff, T0);
		const second = await createSession(db, staffId, limits.staff, T0);
		const sessionId = first.token.split('.')[0]!;
		const [s] = await db.select().from(user).where(eq(user.id, staffId));
		const soft = new SoftAuthenticator(site.origin);
		const options = await passkeys.registrationOptions(db, { user: s!, sessionId, site, now: T0 });
		expect(
			(
				await passkeys.register(db, {
					userId: staffId,
					sessionId,
					site,
					response: soft.create(options),
					now: T0
				})
			).ok
		).toBe(true);
		const adminSession = await createSession(db, adminId, limits.staff, T0);

		expect(await secondFactor.resetByAdmin(db, { actorId: adminId, userId: staffId })).toBe('ok');

		expect(await secondFactor.isEnrolled(db, staffId)).toBe(false);
		expect(await db.select().from(staffPasskey).where(eq(staffPasskey.userId, staffId))).toEqual(
			[]
		);
		expect(await db.select().from(recoveryCode).where(eq(recoveryCode.userId, staffId))).toEqual(
			[]
		);
		expect(await validateSessionToken(db, first.token, limits, T0)).toBeNull();
		expect(await validateSessionToken(db, second.token, limits, T0)).toBeNull();
		// The admin's own session is untouched.
		expect(await validateSessionToken(db, adminSession.token, limits, T0)).not.toBeNull();
		const [event] = await db
			.select()
			.from(auditEvent)
			.where(
				and(eq(auditEvent.action, 'auth.second_factor_reset'), eq(auditEvent.actorId, adminId))
			);
		expect(event!.detail).toEqual({ userId: staffId, removed: ['totp', 'passkey'], count: 1 });
		// The next sign-in sets up a second factor again, with a new key.
		const again = await secondFactor.beginSetup(db, s!, T0);
		expect(again).not.toBeNull();
	});

	it('refuses to reset someone who is not staff, or nobody', async () => {
		const { db } = database();
		const [c] = await db
			.insert(user)
			.values({ displayName: 'Cliënt', roles: ['client'] })
			.returning();
		expect(await secondFactor.resetByAdmin(db, { actorId: adminId, userId: c!.id })).toBe(
			'not-found'
		);
		expect(
			await secondFactor.resetByAdmin(db, {
				actorId: adminId,
				userId: '00000000-0000-4000-8000-000000000000'
			})
		).toBe('not-found');
	});
});
