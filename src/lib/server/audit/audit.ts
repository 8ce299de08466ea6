import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';
import { auditEvent, client, user } from '../db/schema';

export const AUDIT_ACTIONS = [
	'client.read',
	'client.denied',
	'client.update',
	'plan.create',
	'plan.update',
	'plan.share',
	'appointment.create',
	'appointment.update',
	'appointment.cancel',
	'appointment.held',
	'request.answer',
	'instrument_use.create',
	'instrument_use.end',
	'outflow.create',
	'activation.create',
	'client.move',
	'content.edit',
	'content.check',
	'content.remove',
	'content.status',
	'content.reviewer',
	'content.setting',
	// Clients in and out (issue 15)
	'client.create',
	'client.reentry',
	'client.close',
	'import.apply'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who read or changed which client's data, and when. */
export async function record(
	db: Db,
	event: {
		/** null for what a scheduled job did on its own. */
		actorId: string | null;
		clientId: string | null;
		action: AuditAction;
		detail?: Record<string, unknown>;
	}
): Promise<void> {
	await db.insert(auditEvent).values(event);
}

export interface AuditQuery {
	clientNumber?: string;
	actorEmail?: string;
	action?: AuditAction;
	/** YYYY-MM-DD, both included. */
	from?: string;
	to?: string;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit search for admins: newest first, one page at a time. */
export async function search(db: Db, query: AuditQuery) {
	const actor = alias(user, 'actor');
	const conditions: SQL[] = [];
	if (query.clientNumber) conditions.push(eq(client.clientNumber, query.clientNumber.trim()));
	if (query.actorEmail) conditions.push(eq(actor.email, query.actorEmail.trim().toLowerCase()));
	if (query.action) conditions.push(eq(auditEvent.action, query.action));
	if (query.from) conditions.push(gte(auditEvent.at, new Date(`${query.from}T00:00:00Z`)));
	if (query.to) {
		const end = new Date(`${query.to}T00:00:00Z`);
		end.setUTCDate(end.getUTCDate() + 1);
		conditions.push(lt(auditEvent.at, end));
	}
	const page = Math.max(1, query.page ?? 1);
	const rows = await db
		.select({
			id: auditEvent.id,
			at: auditEvent.at,
			action: auditEvent.action,
			detail: auditEvent.detail,
			actorName: actor.displayName,
			actorEmail: actor.email,
			clientNumber: client.clientNumber
		})
		.from(auditEvent)
		.leftJoin(actor, eq(actor.id, auditEvent.actorId))
		.leftJoin(client, eq(client.id, auditEvent.clientId))
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditEvent.at), desc(auditEvent.id))
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((page - 1) * AUDIT_PAGE_SIZE);
	return {
		page,
		hasMore: rows.length > AUDIT_PAGE_SIZE,
		rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
			...r,
			at: r.at.toISOString(),
			detail: r.detail ? JSON.stringify(r.detail) : null
		}))
	};
}
