import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { idempotency, user } from '../../src/lib/server/db/schema';
import { IDEMPOTENCY_DAYS, once } from '../../src/lib/server/client/idempotency';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('idempotency keys per person, bound to the request, expiring', (database) => {
	let a = '';
	let b = '';
	let applied = 0;
	const apply = async () => {
		applied++;
		return { status: 200, body: { ok: true as const, n: applied } };
	};

	it('prepares two clients', async () => {
		const { db } = database();
		const rows = await db
			.insert(user)
			.values([
				{ displayName: 'A', roles: ['client'] },
				{ displayName: 'B', roles: ['client'] }
			])
			.returning();
		a = rows[0]!.id;
		b = rows[1]!.id;
	});

	it("keeps one person's key from touching another person's action", async () => {
		const { db } = database();
		const key = 'shared-key-0001';
		const first = await once(db, { key, userId: a, fingerprint: 'step:1' }, apply);
		const other = await once(db, { key, userId: b, fingerprint: 'step:1' }, apply);
		expect(first.replayed).toBe(false);
		expect(other.replayed).toBe(false);
		expect(other.status).toBe(200);
		expect(applied).toBe(2);
	});

	it('answers 422 and changes nothing when a key comes back with another action', async () => {
		const { db } = database();
		const key = 'key-mismatch-0001';
		await once(db, { key, userId: a, fingerprint: 'note:hello' }, apply);
		const before = applied;
		const again = await once(db, { key, userId: a, fingerprint: 'note:something else' }, apply);
		expect(again.status).toBe(422);
		expect(again.body).toMatchObject({ ok: false, error: 'key_mismatch' });
		expect(applied).toBe(before);
		const same = await once(db, { key, userId: a, fingerprint: 'note:hello' }, apply);
		expect(same.replayed).toBe(true);
		expect(applied).toBe(before);
	});

	// Found by the malformed-input test: a well-formed but refused action ("mark read" naming no
	// message of this client) left its key behind, so a refusal changed the database.
	it('keeps nothing of a refused action: no key, no partial change', async () => {
		const { db } = database();
		const count = async () =>
			(await db.select().from(idempotency).where(eq(idempotency.userId, a))).length;
		const before = await count();
		const refused = await once(
			db,
			{ key: 'refused-key-0001', userId: a, fingerprint: 'r' },
			async (tx) => {
				await tx.update(user).set({ displayName: 'changed' }).where(eq(user.id, a));
				return { status: 404, body: { ok: false as const, error: 'not_found' } };
			}
		);
		expect(refused).toMatchObject({ status: 404, replayed: false, body: { error: 'not_found' } });
		expect(await count()).toBe(before);
		const [me] = await db.select().from(user).where(eq(user.id, a));
		expect(me!.displayName).toBe('A');
		// The same key may then carry the corrected action.
		const later = await once(db, { key: 'refused-key-0001', userId: a, fingerprint: 'r' }, apply);
		expect(later).toMatchObject({ status: 200, replayed: false });
	});

	it(`forgets keys after ${IDEMPOTENCY_DAYS} days (they may hold what a client wrote)`, async () => {
		const { db } = database();
		const long = new Date(Date.now() - (IDEMPOTENCY_DAYS + 1) * DAY);
		await once(db, { key: 'old-key-00001', userId: a, fingerprint: 'x', now: long }, apply);
		await once(db, { key: 'new-key-00001', userId: a, fingerprint: 'x' }, apply);
		const keys = (
			await db.select({ key: idempotency.key }).from(idempotency).where(eq(idempotency.userId, a))
		).map((r) => r.key);
		expect(keys).not.toContain(`${a}:old-key-00001`);
		expect(keys).toContain(`${a}:new-key-00001`);
	});
});
