import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { session } from '../../src/lib/server/db/schema';
import {
	createSession,
	invalidateSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { addClientAccount, addPasswordStaff } from './account-fixture';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { FREE_PER_ACCOUNT as MAX_PER_ACCOUNT } from '../../src/lib/server/auth/rate-limit';
import { createActivationCode, redeemActivationCode } from '../../src/lib/server/auth/activation';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('sessions and sign-in', (database) => {
	let staffId = '';
	let clientUserId = '';

	it('prepares two accounts', async () => {
		const { db } = database();
		staffId = await addPasswordStaff(db, {
			email: 'sanne@x.example',
			password: 'correct horse battery'
		});
		clientUserId = await addClientAccount(db, { gemeenteCode: 'm', clientNumber: 'WW-9' });
	});

	it('accepts a fresh token and stores only a hash of its secret', async () => {
		const { db } = database();
		const { token } = await createSession(db, staffId, 30);
		const result = await validateSessionToken(db, token, 30);
		expect(result?.user.id).toBe(staffId);
		const [row] = await db
			.select()
			.from(session)
			.where(eq(session.id, token.split('.')[0]!));
		expect(row!.secretHash).not.toContain(token.split('.')[1]!);
	});

	it('refuses a forged secret, a made-up token and a malformed cookie', async () => {
		const { db } = database();
		const { token } = await createSession(db, staffId, 30);
		const [id] = token.split('.');
		expect(await validateSessionToken(db, `${id}.forgedsecretforgedsecret12`, 30)).toBeNull();
		expect(await validateSessionToken(db, 'abc.def', 30)).toBeNull();
		expect(await validateSessionToken(db, 'no-dot-at-all', 30)).toBeNull();
		expect(await validateSessionToken(db, `${token}.extra`, 30)).toBeNull();
	});

	it('refuses an expired session and deletes it', async () => {
		const { db } = database();
		const now = new Date();
		const { token } = await createSession(db, staffId, 1, now);
		const later = new Date(now.getTime() + 2 * DAY);
		expect(await validateSessionToken(db, token, 1, later)).toBeNull();
		expect(await validateSessionToken(db, token, 1, now)).toBeNull();
	});

	it('moves the idle clock with use but never past the absolute lifetime', async () => {
		const { db } = database();
		const now = new Date();
		const { token, expiresAt } = await createSession(db, staffId, 30, now);
		const early = await validateSessionToken(db, token, 30, new Date(now.getTime() + DAY));
		expect(early?.session.renewed).toBe(true);
		const late = await validateSessionToken(db, token, 30, new Date(now.getTime() + 20 * DAY));
		expect(late!.session.expiresAt.getTime()).toBeLessThanOrEqual(expiresAt.getTime());
		expect(
			await validateSessionToken(db, token, 30, new Date(now.getTime() + 31 * DAY))
		).toBeNull();
	});

	it('ends a session on the server at sign-out', async () => {
		const { db } = database();
		const { token } = await createSession(db, staffId, 30);
		await invalidateSession(db, token.split('.')[0]!);
		expect(await validateSessionToken(db, token, 30)).toBeNull();
	});

	it('signs in with the right password and gives one answer for all wrong ones', async () => {
		const { db } = database();
		const ok = await signInWithPassword(db, {
			identifier: ' Sanne@X.example ',
			password: 'correct horse battery',
			address: '10.0.0.1'
		});
		expect(ok).toEqual({ ok: true, userId: staffId });
		const wrong = await signInWithPassword(db, {
			identifier: 'sanne@x.example',
			password: 'wrong',
			address: '10.0.0.1'
		});
		const unknown = await signInWithPassword(db, {
			identifier: 'nobody@x.example',
			password: 'wrong',
			address: '10.0.0.1'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('makes the owner wait after repeated failures, even with the right password', async () => {
		const { db } = database();
		const now = new Date(Date.now() + DAY);
		for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
			await signInWithPassword(db, {
				identifier: 'sanne@x.example',
				password: `guess-${i}`,
				address: `10.0.1.${i}`,
				now
			});
		}
		const blocked = await signInWithPassword(db, {
			identifier: 'sanne@x.example',
			password: 'correct horse battery',
			address: '10.0.2.1',
			now
		});
		expect(blocked).toMatchObject({ ok: false, reason: 'limited' });
	});

	it('lets a client activate once with a code and then sign in with the client number', async () => {
		const { db } = database();
		const { code } = await createActivationCode(db, { userId: clientUserId, createdBy: staffId });
		const first = await redeemActivationCode(db, {
			code: code.toLowerCase().replace('-', ' '),
			password: 'a good long password'
		});
		expect(first).toEqual({ ok: true, userId: clientUserId, clientNumber: 'WW-9' });
		const again = await redeemActivationCode(db, { code, password: 'another long password' });
		expect(again).toEqual({ ok: false, reason: 'invalid' });
		const signIn = await signInWithPassword(db, {
			identifier: 'ww-9',
			password: 'a good long password',
			address: '10.0.3.1'
		});
		expect(signIn).toEqual({ ok: true, userId: clientUserId });
	});

	it('refuses an expired activation code', async () => {
		const { db } = database();
		const past = new Date(Date.now() - 15 * DAY);
		const { code } = await createActivationCode(db, {
			userId: clientUserId,
			createdBy: staffId,
			now: past
		});
		expect(await redeemActivationCode(db, { code, password: 'a good long password' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});
});
