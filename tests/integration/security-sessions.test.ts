import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, session, user } from '../../src/lib/server/db/schema';
import {
	createSession,
	validateSessionToken,
	type SessionLimits
} from '../../src/lib/server/auth/session';
import { updateStaff } from '../../src/lib/server/staff/staff-admin';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const limits: SessionLimits = {
	staff: { absoluteMs: 8 * HOUR, idleMs: 30 * MIN },
	client: { absoluteMs: 30 * DAY, idleMs: 14 * DAY }
};

describeEachDatabase('sessions that end', (database) => {
	let staffId = '';
	let clientId = '';

	it('prepares a staff member and a client', async () => {
		const { db } = database();
		const [s] = await db
			.insert(user)
			.values({ displayName: 'Km', email: 'km-sess@x.example', roles: ['klantmanager'] })
			.returning();
		staffId = s!.id;
		const [c] = await db
			.insert(user)
			.values({ displayName: 'Cl', roles: ['client'] })
			.returning();
		clientId = c!.id;
	});

	it('ends a staff session after 30 idle minutes', async () => {
		const { db } = database();
		const t0 = new Date('2031-01-01T08:00:00Z');
		const { token } = await createSession(db, staffId, limits.staff, t0);
		expect(
			await validateSessionToken(db, token, limits, new Date(t0.getTime() + 20 * MIN))
		).not.toBeNull();
		// 20 minutes later again: still within 30 minutes of the last request.
		expect(
			await validateSessionToken(db, token, limits, new Date(t0.getTime() + 40 * MIN))
		).not.toBeNull();
		expect(
			await validateSessionToken(db, token, limits, new Date(t0.getTime() + 75 * MIN))
		).toBeNull();
	});

	it('ends a busy staff session after 8 hours however active', async () => {
		const { db } = database();
		const t0 = new Date('2031-01-02T08:00:00Z');
		const { token } = await createSession(db, staffId, limits.staff, t0);
		let alive = 0;
		for (let m = 10; m <= 9 * 60; m += 10) {
			const r = await validateSessionToken(db, token, limits, new Date(t0.getTime() + m * MIN));
			if (!r) break;
			alive = m;
			expect(r.session.expiresAt.getTime()).toBeLessThanOrEqual(t0.getTime() + 8 * HOUR);
		}
		expect(alive).toBeLessThan(8 * 60);
		expect(alive).toBeGreaterThanOrEqual(7 * 60);
		const [expired] = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, staffId), eq(auditEvent.action, 'session.expire')));
		expect(expired).toBeDefined();
	});

	it('refuses a client session created 200 days ago, however recently used', async () => {
		const { db } = database();
		const t0 = new Date('2031-02-01T08:00:00Z');
		const { token } = await createSession(db, clientId, limits.client, t0);
		let t = t0.getTime();
		let last = null;
		for (let d = 0; d < 200; d += 5) {
			t = t0.getTime() + d * DAY;
			last = await validateSessionToken(db, token, limits, new Date(t));
			if (!last) break;
		}
		expect(last).toBeNull();
		expect(t - t0.getTime()).toBeLessThanOrEqual(31 * DAY);
	});

	it('ends every session of a staff member an admin disables', async () => {
		const { db } = database();
		const { token } = await createSession(db, staffId, limits.staff);
		await updateStaff(db, staffId, { roles: ['klantmanager'], teamId: null, disabled: true });
		const rows = await db.select().from(session).where(eq(session.userId, staffId));
		expect(rows).toHaveLength(0);
		expect(await validateSessionToken(db, token, limits)).toBeNull();
	});
});
