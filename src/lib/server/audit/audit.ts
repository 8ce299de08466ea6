import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';
import { auditEvent, client, ROLES, user } from '../db/schema';

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
	'client.segment',
	'content.edit',
	'content.check',
	'content.remove',
	'content.status',
	'content.reviewer',
	'content.setting',
	'content.audio',
	// Clients in and out (issue 15)
	'client.create',
	'client.reentry',
	'client.close',
	'import.apply',
	// Security (#14): sign-in, sessions and privileged acts in beheer.
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_in_limited',
	'auth.sign_out',
	'auth.second_factor_failed',
	'auth.second_factor_enrolled',
	'auth.second_factor_reset',
	'session.expire',
	'activation.redeem',
	'activation.failed',
	'user.create',
	'user.update',
	'user.roles',
	'user.disable',
	'user.enable',
	'team.create',
	'team.update',
	'gemeente.create',
	'gemeente.languages',
	'norm.update',
	'norm.remove',
	'survey.update',
	'setting.update',
	'message.send',
	'audit.purge',
	'auth.reauthenticate',
	// Sync API, retention and the client's own copy (issue 15, part 2)
	'api_key.create',
	'api_key.revoke',
	'retention.terms',
	'retention.run',
	'client.export',
	// Handhaving on the client file (issue #13 §7)
	'handhaving.create',
	'handhaving.correct',
	'handhaving.withdraw'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who read or changed which client's data, and when. */
export async function record(
	db: Db,
	event: {
		/** Null when nobody is known (a failed sign-in for an unknown account) or a scheduled job acted on its own. */
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

/** The detail fields shown in /beheer/audit, each with a translated label; ids are left out. */
export const AUDIT_FACTS = [
	'added',
	'removed',
	'reason',
	'method',
	'name',
	'version',
	'revision',
	'outcome',
	'status',
	'page',
	'year',
	'language',
	'changes',
	'before',
	'after',
	'count',
	'until'
] as const;
export type AuditFact = (typeof AUDIT_FACTS)[number];

/** Sign-in methods as the code writes them; each has its words in `security.auditMethod`. */
export const AUDIT_METHODS = ['password', 'totp', 'recovery', 'passkey', 'reauthenticate'] as const;

/**
 * The message key for a code in a fact (a role added or removed, a sign-in method, a second
 * factor removed), so /beheer/audit shows words, never the code itself (#14).
 */
export function auditWordKey(code: string): string | null {
	if ((ROLES as readonly string[]).includes(code)) return `login.roles.${code}`;
	if ((AUDIT_METHODS as readonly string[]).includes(code)) return `security.auditMethod.${code}`;
	return null;
}

const CODE_FACTS = new Set<AuditFact>(['added', 'removed', 'method']);

export interface AuditFactView {
	key: AuditFact;
	value: string;
	/** Message keys to show instead of `value`, when every part of it is a known code. */
	words?: string[];
}

export function factsOf(detail: Record<string, unknown> | null): AuditFactView[] {
	if (!detail) return [];
	const out: AuditFactView[] = [];
	for (const key of AUDIT_FACTS) {
		const v = detail[key];
		if (v === undefined || v === null) continue;
		const parts = Array.isArray(v) ? v.map(String) : [String(v)];
		const value = parts.join(', ');
		if (value === '') continue;
		const words = CODE_FACTS.has(key) ? parts.map(auditWordKey) : [];
		out.push(
			words.length && words.every((w) => w !== null)
				? { key, value, words: words as string[] }
				: { key, value }
		);
	}
	return out;
}

/** A day the database and the page can both count with; anything else is no filter at all. */
const plausibleDay = (d: string | undefined) =>
	d && d >= '1900-01-01' && d <= '2999-12-31' ? d : undefined;

/** The audit search for admins: newest first, one page at a time. */
export async function search(db: Db, query: AuditQuery) {
	const actor = alias(user, 'actor');
	const subject = alias(user, 'subject');
	const conditions: SQL[] = [];
	query = { ...query, from: plausibleDay(query.from), to: plausibleDay(query.to) };
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
			clientNumber: client.clientNumber,
			subjectName: subject.displayName
		})
		.from(auditEvent)
		.leftJoin(actor, eq(actor.id, auditEvent.actorId))
		.leftJoin(
			subject,
			sql`${subject.id}::text = ${auditEvent.detail}->>'userId' and ${auditEvent.detail}->>'userId' is not null`
		)
		.leftJoin(client, eq(client.id, auditEvent.clientId))
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditEvent.at), desc(auditEvent.id))
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((page - 1) * AUDIT_PAGE_SIZE);
	return {
		page,
		hasMore: rows.length > AUDIT_PAGE_SIZE,
		rows: rows.slice(0, AUDIT_PAGE_SIZE).map(({ detail, ...r }) => ({
			...r,
			at: r.at.toISOString(),
			// In words: the page shows labelled facts, never the raw JSON.
			facts: factsOf(detail)
		}))
	};
}
