import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent } from '../../src/lib/server/db/schema';
import { purgeExpiredAudit, retentionCutoff } from '../../src/lib/server/audit/retention';

const NOW = new Date('2026-12-07T10:00:00Z');
const YEAR = 365 * 86_400_000;

describeEachDatabase('audit retention (#14)', (database) => {
	const actions = async () => {
		const { db } = database();
		return (await db.select({ action: auditEvent.action }).from(auditEvent)).map((r) => r.action);
	};

	it('prepares an event older than the term and a recent one', async () => {
		const { db } = database();
		await db.insert(auditEvent).values([
			{
				actorId: null,
				clientId: null,
				action: 'client.read',
				at: new Date(NOW.getTime() - 7 * YEAR)
			},
			{ actorId: null, clientId: null, action: 'user.create', at: new Date(NOW.getTime() - YEAR) }
		]);
	});

	it('refuses a plain delete of an old event (only the retention path may delete)', async () => {
		const { db } = database();
		await expect(
			db.delete(auditEvent).where(eq(auditEvent.action, 'client.read'))
		).rejects.toThrow();
		expect(await actions()).toContain('client.read');
	});

	it('refuses a retention delete of an event newer than the moment it named', async () => {
		const { db } = database();
		const cutoff = new Date(NOW.getTime() - 2 * YEAR).toISOString();
		await expect(
			db.transaction(async (tx) => {
				await tx.execute(sql`select set_config('wegwijs.audit_retention_before', ${cutoff}, true)`);
				await tx.delete(auditEvent).where(eq(auditEvent.action, 'user.create'));
			})
		).rejects.toThrow();
		expect(await actions()).toContain('user.create');
	});

	it('the retention job removes what is older than the term, keeps the rest, and is on record', async () => {
		const { db } = database();
		expect(retentionCutoff(NOW, 60).toISOString()).toBe('2021-12-07T10:00:00.000Z');
		expect(await purgeExpiredAudit(db, 60, NOW)).toBe(1);
		const left = await actions();
		expect(left).not.toContain('client.read');
		expect(left).toContain('user.create');
		expect(left).toContain('audit.purge');
	});

	it('leaves no permission behind: afterwards a plain delete is refused again', async () => {
		const { db } = database();
		await expect(
			db.delete(auditEvent).where(eq(auditEvent.action, 'user.create'))
		).rejects.toThrow();
		await expect(db.execute(sql`truncate audit_event`)).rejects.toThrow();
		expect(await actions()).toContain('user.create');
	});
});
