import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { auditEvent } from '../db/schema';
import * as audit from './audit';

/** The moment before which audit events have passed their term. */
export function retentionCutoff(now: Date, months: number): Date {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	return cutoff;
}

/**
 * Removes audit events older than the term: the only delete the append-only trigger lets
 * through. It names the cutoff in a transaction-local setting (`set_config(…, true)`), which
 * the trigger checks row by row, so nothing newer can go and nothing is left open after the
 * transaction. The removal itself is on record (how many, up to when).
 */
export async function purgeExpiredAudit(db: Db, months: number, now = new Date()): Promise<number> {
	const before = retentionCutoff(now, months);
	const removed = await db.transaction(async (tx) => {
		await tx.execute(
			sql`select set_config('wegwijs.audit_retention_before', ${before.toISOString()}, true)`
		);
		const rows = await tx
			.delete(auditEvent)
			.where(lt(auditEvent.at, before))
			.returning({ id: auditEvent.id });
		return rows.length;
	});
	if (removed > 0) {
		await audit.record(db, {
			actorId: null,
			clientId: null,
			action: 'audit.purge',
			detail: { count: removed, until: before.toISOString().slice(0, 10) }
		});
	}
	return removed;
}
