import { and, asc, count, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, message, planStep, user } from '../db/schema';
import { preparedPerDb } from '../db/prepared';
import type { Tx } from '../client/idempotency';
import type { Staff } from '../caseload/caseload';
import * as audit from '../audit/audit';
import * as notifications from '../notifications/notifications';
import { messagesOf, toView, viewColumns, withDocuments, type MessageView } from './message-view';
import { clientOfUser } from './client-send';
import { requireConversationAccess } from './access';

/** The client's conversation, as it is (reading it marks nothing: that is a POST). */
export async function conversationOfUser(
	db: Db,
	userId: string,
	limit = 200
): Promise<{ messages: MessageView[]; klantmanager: string | null } | null> {
	const [me] = await db
		.select({ id: client.id, km: user.displayName })
		.from(client)
		.leftJoin(user, eq(user.id, client.klantmanagerId))
		.where(eq(client.userId, userId));
	if (!me) return null;
	return { messages: await messagesOf(db, me.id, limit), klantmanager: me.km };
}

/** Messages about one thing (an instrument, a step, an appointment), for the page it is on. */
export async function messagesAbout(
	db: Db,
	userId: string,
	contextId: string
): Promise<MessageView[]> {
	const rows = await db
		.select(viewColumns)
		.from(message)
		.innerJoin(client, eq(client.id, message.clientId))
		.leftJoin(user, eq(user.id, message.authorId))
		.where(and(eq(client.userId, userId), eq(message.contextId, contextId)))
		.orderBy(asc(message.createdAt), asc(message.id))
		.limit(50);
	return withDocuments(db, rows.map(toView));
}

/** Messages about any of several things (a plan and its steps), for one page, one query. */
export async function messagesAboutAny(
	db: Db,
	userId: string,
	contextIds: string[]
): Promise<MessageView[]> {
	if (contextIds.length === 0) return [];
	const rows = await db
		.select(viewColumns)
		.from(message)
		.innerJoin(client, eq(client.id, message.clientId))
		.leftJoin(user, eq(user.id, message.authorId))
		.where(and(eq(client.userId, userId), inArray(message.contextId, contextIds)))
		.orderBy(asc(message.createdAt), asc(message.id))
		.limit(200);
	return withDocuments(db, rows.map(toView));
}

/**
 * Messages about a plan or any of its steps (Mijn plan), one query built once per database
 * (#19): the same rows as `messagesAboutAny` with the plan's and its steps' ids.
 */
const aboutPlan = preparedPerDb((db) =>
	db
		.select(viewColumns)
		.from(message)
		.innerJoin(client, eq(client.id, message.clientId))
		.leftJoin(user, eq(user.id, message.authorId))
		.where(
			and(
				eq(client.userId, sql.placeholder('userId')),
				sql`(${message.contextId} = ${sql.placeholder('planId')} or ${message.contextId} in
					(select s.id from ${planStep} s where s.plan_id = ${sql.placeholder('planId')}))`
			)
		)
		.orderBy(asc(message.createdAt), asc(message.id))
		.limit(200)
		.prepare('messages_about_plan')
);
export async function messagesAboutPlan(
	db: Db,
	userId: string,
	planId: string
): Promise<MessageView[]> {
	const rows = await aboutPlan(db).execute({ userId, planId });
	return withDocuments(db, rows.map(toView));
}

/** A klantmanager (or lead, or stand-in) opens a client's conversation; the read is audited. */
export async function conversationForStaff(
	db: Db,
	staff: Staff,
	clientId: string,
	limit = 200
): Promise<{ messages: MessageView[]; name: string; clientNumber: string }> {
	await requireConversationAccess(db, staff, clientId);
	await audit.record(db, {
		actorId: staff.id,
		clientId,
		action: 'client.read',
		detail: { page: 'berichten' }
	});
	const [who] = await db
		.select({ name: user.displayName, clientNumber: client.clientNumber })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(client.id, clientId));
	return { messages: await messagesOf(db, clientId, limit), ...who! };
}

/**
 * Marks the other side's messages read up to (and including) the one shown last; null when
 * `upTo` is not a message of this client's conversation.
 */
async function markRead(
	db: Tx | Db,
	clientId: string,
	fromClient: boolean,
	upTo: string,
	now: Date
): Promise<number | null> {
	const [last] = await db
		.select({ at: message.createdAt })
		.from(message)
		.where(and(eq(message.id, upTo), eq(message.clientId, clientId)));
	if (!last) return null;
	const marked = await db
		.update(message)
		.set({ readAt: now })
		.where(
			and(
				eq(message.clientId, clientId),
				eq(message.fromClient, fromClient),
				isNull(message.readAt),
				lte(message.createdAt, last.at)
			)
		)
		.returning({ id: message.id });
	return marked.length;
}

/** The client has seen their conversation (and notices) up to what was shown: a POST. */
export async function markReadByClient(
	tx: Tx,
	input: { userId: string; upTo?: string; notices?: string; now?: Date }
): Promise<{ ok: true; marked: number } | { ok: false; error: 'not_found' }> {
	const me = await clientOfUser(tx, input.userId);
	if (!me) return { ok: false, error: 'not_found' };
	const now = input.now ?? new Date();
	// A message that is not in this client's conversation is refused, not "marked 0" (#14).
	let marked = input.upTo ? await markRead(tx, me.id, false, input.upTo, now) : 0;
	if (marked === null) return { ok: false, error: 'not_found' };
	if (input.notices) {
		marked += await notifications.markInboxRead(tx, input.userId, new Date(input.notices), now);
	}
	return { ok: true, marked };
}

export async function markReadByStaff(
	db: Db,
	staff: Staff,
	clientId: string,
	upTo: string,
	now = new Date()
): Promise<number> {
	await requireConversationAccess(db, staff, clientId);
	return (await markRead(db, clientId, true, upTo, now)) ?? 0;
}

/** Unread messages from the klantmanager, for the client's bottom navigation. */
export async function unreadForClient(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(message)
		.innerJoin(client, eq(client.id, message.clientId))
		.where(and(eq(client.userId, userId), eq(message.fromClient, false), isNull(message.readAt)));
	return row?.n ?? 0;
}
