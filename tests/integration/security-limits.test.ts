import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { session } from '../../src/lib/server/db/schema';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { addClientAccount, addPasswordStaff } from './account-fixture';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { FREE_PER_ACCOUNT, MAX_ACTIVATION_PER_ADDRESS } from '../../src/lib/server/auth/rate-limit';
import { activateWithCode, createActivationCode } from '../../src/lib/server/auth/activation';

describeEachDatabase('limits that hold and lock out nobody else', (database) => {
	let staffId = '';
	let clientUserId = '';
	const email = 'limits@x.example';
	const password = 'correct horse battery';

	it('prepares a staff member and a client', async () => {
		const { db } = database();
		staffId = await addPasswordStaff(db, { email: email, password: password });
		clientUserId = await addClientAccount(db, { gemeenteCode: 'lim', clientNumber: 'WW-LIM1' });
	});

	it('evaluates at most the free attempts of 40 parallel wrong passwords for one account', async () => {
		const { db } = database();
		const now = new Date('2030-01-01T10:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				signInWithPassword(db, {
					identifier: email,
					password: `guess-${i}`,
					address: `10.9.0.${i}`,
					now
				})
			)
		);
		const evaluated = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		expect(evaluated).toBeGreaterThan(0);
		expect(evaluated).toBeLessThanOrEqual(FREE_PER_ACCOUNT);
		expect(results.every((r) => !r.ok)).toBe(true);
	});

	it('lets the owner in with the right password after a short wait, not a lock', async () => {
		const { db } = database();
		const now = new Date('2030-01-01T10:00:00Z');
		const blocked = await signInWithPassword(db, {
			identifier: email,
			password,
			address: '192.0.2.1',
			now
		});
		expect(blocked.ok).toBe(false);
		if (blocked.ok || blocked.reason !== 'limited') throw new Error('expected limited');
		expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
		expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
		const later = new Date(now.getTime() + blocked.retryAfterSeconds * 1000);
		const ok = await signInWithPassword(db, {
			identifier: email,
			password,
			address: '192.0.2.1',
			now: later
		});
		expect(ok).toEqual({ ok: true, userId: staffId });
	});

	it('does not lock the next person out of a shared address after many failures there', async () => {
		const { db } = database();
		const now = new Date('2030-01-02T10:00:00Z');
		// Someone behind the same proxy address tries 40 client numbers in sequence.
		for (let i = 0; i < 40; i++) {
			await signInWithPassword(db, {
				identifier: `WW-1000${String(i).padStart(2, '0')}`,
				password: 'guess',
				address: '203.0.113.7',
				now
			});
		}
		const ok = await signInWithPassword(db, {
			identifier: email,
			password,
			address: '203.0.113.7',
			now
		});
		expect(ok).toEqual({ ok: true, userId: staffId });
	});

	it('evaluates at most the limit of 30 parallel wrong activation codes from one address', async () => {
		const { db } = database();
		const now = new Date('2030-01-03T10:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				activateWithCode(db, {
					code: `WRNG-${String(i).padStart(4, 'A')}`,
					password: 'a good long password',
					address: '198.51.100.3',
					now
				})
			)
		);
		const evaluated = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		expect(evaluated).toBeGreaterThan(0);
		expect(evaluated).toBeLessThanOrEqual(MAX_ACTIVATION_PER_ADDRESS);
	});

	it('revokes the earlier code when a new letter is made', async () => {
		const { db } = database();
		const first = await createActivationCode(db, { userId: clientUserId, createdBy: staffId });
		const second = await createActivationCode(db, { userId: clientUserId, createdBy: staffId });
		const old = await activateWithCode(db, {
			code: first.code,
			password: 'a good long password',
			address: '198.51.100.50'
		});
		expect(old).toEqual({ ok: false, reason: 'invalid' });
		const fresh = await activateWithCode(db, {
			code: second.code,
			password: 'a good long password',
			address: '198.51.100.50'
		});
		expect(fresh.ok).toBe(true);
	});

	it('ends all other sessions of the person when a code is redeemed', async () => {
		const { db } = database();
		const { token } = await createSession(db, clientUserId, 30);
		expect(await validateSessionToken(db, token, 30)).not.toBeNull();
		const { code } = await createActivationCode(db, { userId: clientUserId, createdBy: staffId });
		const result = await activateWithCode(db, {
			code,
			password: 'another good password',
			address: '198.51.100.51'
		});
		expect(result.ok).toBe(true);
		expect(await validateSessionToken(db, token, 30)).toBeNull();
		const left = await db.select().from(session).where(eq(session.userId, clientUserId));
		expect(left).toHaveLength(0);
	});
});
