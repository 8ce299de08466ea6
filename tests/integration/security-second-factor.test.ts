import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { describeEachDatabase } from './databases';
import { auditEvent, user } from '../../src/lib/server/db/schema';
import * as secondFactor from '../../src/lib/server/auth/second-factor';

// #14: staff who sign in with a password give a second factor: TOTP with a window, no replay,
// attempts limited like sign-in, and single-use recovery codes stored as hashes.
describeEachDatabase('second factor for staff', (database) => {
	let userId = '';
	let key: Uint8Array = new Uint8Array();
	let recovery: string[] = [];
	const T0 = new Date('2026-12-07T09:00:05Z');
	const at = (steps: number) => new Date(T0.getTime() + steps * 30_000);

	const failures = async () => {
		const { db } = database();
		return (
			await db
				.select()
				.from(auditEvent)
				.where(
					and(eq(auditEvent.actorId, userId), eq(auditEvent.action, 'auth.second_factor_failed'))
				)
		).length;
	};

	it('sets up: a key shown once (QR and typed), confirmed with a code from the app', async () => {
		const { db } = database();
		const [u] = await db
			.insert(user)
			.values({ displayName: 'Ineke', email: 'tf-admin@x.example', roles: ['admin'] })
			.returning();
		userId = u!.id;
		expect(await secondFactor.isEnrolled(db, userId)).toBe(false);
		const first = (await secondFactor.beginSetup(db, u!, new Date(Date.now() - 1000)))!;
		// Within one half sign-in the same key (a mistyped code must not change the QR code)…
		expect((await secondFactor.beginSetup(db, u!, new Date(Date.now() - 1000)))!.secret).toBe(
			first.secret
		);
		// …a later sign-in gets a new key: the first is never shown again and stops working.
		const setup = (await secondFactor.beginSetup(db, u!, new Date(Date.now() + 1000)))!;
		expect(setup.secret).not.toBe(first.secret);
		expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Wegwijs:tf-admin%40x\.example\?/);
		key = decodeBase32IgnorePadding(setup.secret.replace(/ /g, ''));
		const oldKey = decodeBase32IgnorePadding(first.secret.replace(/ /g, ''));
		const wrong = await secondFactor.confirmSetup(db, userId, secondFactor.codeAt(oldKey, T0), T0);
		expect(wrong.ok).toBe(false);
		const done = await secondFactor.confirmSetup(db, userId, secondFactor.codeAt(key, T0), T0);
		expect(done.ok).toBe(true);
		recovery = done.ok ? done.recoveryCodes : [];
		expect(recovery).toHaveLength(10);
		expect(new Set(recovery).size).toBe(10);
		expect(await secondFactor.isEnrolled(db, userId)).toBe(true);
		// A confirmed key is never replaced by a new setup.
		expect(await secondFactor.beginSetup(db, u!, new Date(0))).toBeNull();
	});

	it('accepts a code of the step before or after, refuses one further away', async () => {
		const { db } = database();
		expect((await secondFactor.verify(db, userId, secondFactor.codeAt(key, at(4)), at(5))).ok).toBe(
			true
		);
		expect(
			(await secondFactor.verify(db, userId, secondFactor.codeAt(key, at(11)), at(10))).ok
		).toBe(true);
		const far = await secondFactor.verify(db, userId, secondFactor.codeAt(key, at(23)), at(20));
		expect(far).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses a code used before, and an older one', async () => {
		const { db } = database();
		const code = secondFactor.codeAt(key, at(30));
		expect((await secondFactor.verify(db, userId, code, at(30))).ok).toBe(true);
		expect(await secondFactor.verify(db, userId, code, at(30))).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const older = secondFactor.codeAt(key, at(29));
		expect((await secondFactor.verify(db, userId, older, at(30))).ok).toBe(false);
	});

	it('takes one valid code only once, even when it arrives twice at the same moment', async () => {
		const { db } = database();
		const code = secondFactor.codeAt(key, at(40));
		const results = await Promise.all(
			[0, 1, 2, 3].map(() => secondFactor.verify(db, userId, code, at(40)))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});

	it('a recovery code works once, however it is typed', async () => {
		const { db } = database();
		const code = recovery[0]!;
		const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
		expect(await secondFactor.verify(db, userId, typed, at(50))).toEqual({
			ok: true,
			method: 'recovery'
		});
		expect((await secondFactor.verify(db, userId, code, at(50))).ok).toBe(false);
		expect(await secondFactor.recoveryCodesLeft(db, userId)).toBe(9);
	});

	it('40 parallel wrong codes: at most 5 are checked, then the owner waits and gets in', async () => {
		const { db } = database();
		const before = await failures();
		const now = at(100);
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => secondFactor.verify(db, userId, String(100000 + i), now))
		);
		expect((await failures()) - before).toBeLessThanOrEqual(5);
		expect(results.filter((r) => !r.ok && r.reason === 'limited').length).toBeGreaterThanOrEqual(
			35
		);
		const right = secondFactor.codeAt(key, now);
		const waiting = await secondFactor.verify(db, userId, right, now);
		expect(waiting.ok).toBe(false);
		const wait = !waiting.ok && waiting.reason === 'limited' ? waiting.retryAfterSeconds : 0;
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60);
		const later = new Date(now.getTime() + wait * 1000);
		expect((await secondFactor.verify(db, userId, secondFactor.codeAt(key, later), later)).ok).toBe(
			true
		);
	});

	it('keeps the recovery codes only as hashes', async () => {
		const { db } = database();
		const rows = await db.execute(`select code_hash from recovery_code`);
		const text = JSON.stringify(rows);
		for (const code of recovery) {
			expect(text).not.toContain(code);
			expect(text).not.toContain(code.replace('-', ''));
		}
	});
});
