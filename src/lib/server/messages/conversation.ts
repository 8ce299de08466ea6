import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	appointment,
	client,
	clientRequest,
	instrument,
	message,
	plan,
	planStep,
	standIn,
	user,
	type MessageContext,
	type MessageIntent
} from '../db/schema';
import type { Tx } from '../client/idempotency';
import { AccessDenied, caseloadFilter, type Staff } from '../caseload/caseload';
import * as audit from '../audit/audit';
import * as notifications from '../notifications/notifications';
import { amsterdamDay } from '../../dates';

import { MESSAGE_MAX } from '../../actions/schema';

/** Longest message, in characters after trimming (a long letter, not a document). */
export { MESSAGE_MAX };

export type SendError = 'empty' | 'message_too_long' | 'not_found' | 'reason_missing';

export interface MessageContextInput {
	kind: MessageContext;
	id?: string | null;
	version?: number | null;
	intent?: MessageIntent | null;
}

export interface MessageView {
	id: string;
	fromClient: boolean;
	/** Who wrote it: the client sees which klantmanager, team lead or stand-in answered. */
	author: string | null;
	body: string;
	context: {
		kind: MessageContext;
		id: string | null;
		version: number | null;
		/** Where the client reads about it in the app. */
		link: string;
	} | null;
	intent: MessageIntent | null;
	createdAt: string;
	read: boolean;
}

/** Where a message about this context is read, in the client's app. */
export function contextLink(kind: MessageContext | null, id: string | null): string {
	switch (kind) {
		case 'step':
			return id ? `/plan#stap-${id}` : '/plan';
		case 'plan':
			return '/plan';
		case 'appointment':
			return id ? `/afspraken/${id}` : '/afspraken';
		default:
			return '/berichten';
	}
}

/** The text trimmed and counted in characters (an emoji is one), or why it cannot be sent. */
function cleanBody(
	raw: string,
	required: boolean
): { ok: true; body: string } | { ok: false; error: SendError } {
	const body = raw.trim();
	if (!body && required) return { ok: false, error: 'empty' };
	if ([...body].length > MESSAGE_MAX) return { ok: false, error: 'message_too_long' };
	return { ok: true, body };
}

/**
 * Checks that what the client writes about is theirs: a step of their plan, their plan (and
 * that version), their appointment, an active instrument. Returns the context to store.
 */
async function ownContext(
	tx: Tx | Db,
	clientId: string,
	ctx: MessageContextInput | null | undefined
): Promise<{
	contextKind: MessageContext | null;
	contextId: string | null;
	planVersion: number | null;
	intent: MessageIntent | null;
} | null> {
	if (!ctx || ctx.kind === 'home') {
		return { contextKind: ctx ? 'home' : null, contextId: null, planVersion: null, intent: null };
	}
	if (!ctx.id) return null;
	let found: { id: string } | undefined;
	switch (ctx.kind) {
		case 'step':
			[found] = await tx
				.select({ id: planStep.id })
				.from(planStep)
				.innerJoin(plan, eq(plan.id, planStep.planId))
				.where(and(eq(planStep.id, ctx.id), eq(plan.clientId, clientId)));
			break;
		case 'plan':
			[found] = await tx
				.select({ id: plan.id })
				.from(plan)
				.where(
					and(
						eq(plan.id, ctx.id),
						eq(plan.clientId, clientId),
						sql`${plan.status} <> 'draft'`,
						ctx.version ? sql`${plan.version} >= ${ctx.version}` : undefined
					)
				);
			break;
		case 'appointment':
			[found] = await tx
				.select({ id: appointment.id })
				.from(appointment)
				.where(and(eq(appointment.id, ctx.id), eq(appointment.clientId, clientId)));
			break;
		case 'instrument':
			[found] = await tx
				.select({ id: instrument.id })
				.from(instrument)
				.where(and(eq(instrument.id, ctx.id), eq(instrument.active, true)));
			break;
	}
	if (!found) return null;
	const intent =
		ctx.kind === 'plan' && (ctx.intent === 'question' || ctx.intent === 'disagree')
			? ctx.intent
			: ctx.kind === 'instrument'
				? 'ask'
				: null;
	return {
		contextKind: ctx.kind,
		contextId: found.id,
		planVersion: ctx.kind === 'plan' ? (ctx.version ?? null) : null,
		intent
	};
}

async function clientOfUser(tx: Tx | Db, userId: string) {
	const [me] = await tx
		.select({ id: client.id, klantmanagerId: client.klantmanagerId })
		.from(client)
		.where(eq(client.userId, userId));
	return me;
}

/**
 * A client writes to their klantmanager, from Home or from what the message is about. Nothing
 * is stored when the text is empty or too long, or the context is not the client's.
 */
export async function sendFromClient(
	tx: Tx,
	input: {
		userId: string;
		body: string;
		context?: MessageContextInput | null;
		now?: Date;
	}
): Promise<{ ok: true; messageId: string } | { ok: false; error: SendError }> {
	const planReason = input.context?.kind === 'plan' && input.context.intent === 'disagree';
	const cleaned = cleanBody(input.body, true);
	if (!cleaned.ok) {
		return {
			ok: false,
			error: planReason && cleaned.error === 'empty' ? 'reason_missing' : cleaned.error
		};
	}
	const me = await clientOfUser(tx, input.userId);
	if (!me) return { ok: false, error: 'not_found' };
	const ctx = await ownContext(tx, me.id, input.context);
	if (!ctx) return { ok: false, error: 'not_found' };
	const id = await insertClientMessage(tx, {
		clientId: me.id,
		userId: input.userId,
		body: cleaned.body,
		...ctx,
		now: input.now
	});
	return { ok: true, messageId: id };
}

/** Stores a client's message (also for "Vraag mijn klantmanager hiernaar" and change requests). */
export async function insertClientMessage(
	tx: Tx | Db,
	m: {
		clientId: string;
		userId: string;
		body: string;
		contextKind: MessageContext | null;
		contextId: string | null;
		planVersion?: number | null;
		intent?: MessageIntent | null;
		now?: Date;
	}
): Promise<string> {
	const [row] = await tx
		.insert(message)
		.values({
			clientId: m.clientId,
			authorId: m.userId,
			fromClient: true,
			body: m.body,
			contextKind: m.contextKind,
			contextId: m.contextId,
			planVersion: m.planVersion ?? null,
			intent: m.intent ?? null,
			createdAt: m.now ?? new Date()
		})
		.returning({ id: message.id });
	return row!.id;
}

/**
 * Whether `staff` may read and answer this client's conversation: the client's klantmanager,
 * their team lead, or a stand-in of the klantmanager while the stand-in lasts. A refusal is
 * audited and thrown as AccessDenied.
 */
export async function requireConversationAccess(
	db: Db,
	staff: Staff,
	clientId: string,
	today = amsterdamDay()
): Promise<void> {
	if (staff.roles.includes('klantmanager')) {
		const filter = await caseloadFilter(db, staff);
		const [row] = await db
			.select({ id: client.id })
			.from(client)
			.leftJoin(
				standIn,
				and(
					eq(standIn.klantmanagerId, client.klantmanagerId),
					eq(standIn.standInId, staff.id),
					sql`${standIn.until} >= ${today}`
				)
			)
			.where(
				and(
					eq(client.id, clientId),
					filter
						? or(filter, sql`${standIn.standInId} is not null`)
						: sql`${standIn.standInId} is not null`
				)
			)
			.limit(1);
		if (row) return;
	}
	const [exists] = await db.select({ id: client.id }).from(client).where(eq(client.id, clientId));
	await audit.record(db, {
		actorId: staff.id,
		clientId: exists ? clientId : null,
		action: 'client.denied',
		detail: exists ? { page: 'berichten' } : { requested: clientId }
	});
	throw new AccessDenied();
}

/** Sets who reads and answers a klantmanager's conversations while they are away. */
export async function setStandIn(
	db: Db,
	staff: Staff,
	input: { standInId: string | null; until: string | null }
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
	if (!input.standInId || !input.until) {
		await db.delete(standIn).where(eq(standIn.klantmanagerId, staff.id));
		return { ok: true };
	}
	const [other] = await db
		.select({ id: user.id })
		.from(user)
		.where(
			and(
				eq(user.id, input.standInId),
				sql`'klantmanager' = any(${user.roles})`,
				sql`${user.id} <> ${staff.id}`,
				isNull(user.disabledAt)
			)
		);
	if (!other) return { ok: false, error: 'not_found' };
	await db
		.insert(standIn)
		.values({ klantmanagerId: staff.id, standInId: other.id, until: input.until })
		.onConflictDoUpdate({
			target: standIn.klantmanagerId,
			set: { standInId: other.id, until: input.until }
		});
	return { ok: true };
}

/** Klantmanagers who can stand in: the own team first, then the others, by name. */
export async function colleagues(db: Db, staff: Staff): Promise<{ id: string; name: string }[]> {
	const [me] = await db.select({ teamId: user.teamId }).from(user).where(eq(user.id, staff.id));
	return db
		.select({ id: user.id, name: user.displayName })
		.from(user)
		.where(
			and(
				sql`'klantmanager' = any(${user.roles})`,
				sql`${user.id} <> ${staff.id}`,
				isNull(user.disabledAt)
			)
		)
		.orderBy(
			me?.teamId ? sql`(${user.teamId} = ${me.teamId}) is not true` : sql`1`,
			asc(user.displayName)
		)
		.limit(500);
}

export async function standInOf(db: Db, staffId: string) {
	const [row] = await db
		.select({ standInId: standIn.standInId, until: standIn.until, name: user.displayName })
		.from(standIn)
		.innerJoin(user, eq(user.id, standIn.standInId))
		.where(eq(standIn.klantmanagerId, staffId));
	return row ?? null;
}

function toView(r: {
	id: string;
	fromClient: boolean;
	author: string | null;
	body: string;
	contextKind: MessageContext | null;
	contextId: string | null;
	planVersion: number | null;
	intent: MessageIntent | null;
	createdAt: Date;
	readAt: Date | null;
	instrumentCode: string | null;
}): MessageView {
	return {
		id: r.id,
		fromClient: r.fromClient,
		author: r.author,
		body: r.body,
		context: r.contextKind
			? {
					kind: r.contextKind,
					id: r.contextId,
					version: r.planVersion,
					link:
						r.contextKind === 'instrument' && r.instrumentCode
							? `/uitleg/hulp/${r.instrumentCode}`
							: contextLink(r.contextKind, r.contextId)
				}
			: null,
		intent: r.intent,
		createdAt: r.createdAt.toISOString(),
		read: !!r.readAt
	};
}

const viewColumns = {
	id: message.id,
	fromClient: message.fromClient,
	author: user.displayName,
	body: message.body,
	contextKind: message.contextKind,
	contextId: message.contextId,
	planVersion: message.planVersion,
	intent: message.intent,
	createdAt: message.createdAt,
	readAt: message.readAt,
	instrumentCode: sql<string | null>`case when ${message.contextKind} = 'instrument' then
		(select i.code from instrument i where i.id = ${message.contextId}) end`
};

/** The newest messages of one conversation, oldest first (one indexed query). */
async function messagesOf(db: Db, clientId: string, limit: number): Promise<MessageView[]> {
	const rows = await db
		.select(viewColumns)
		.from(message)
		.leftJoin(user, eq(user.id, message.authorId))
		.where(eq(message.clientId, clientId))
		.orderBy(desc(message.createdAt), desc(message.id))
		.limit(limit);
	return rows.reverse().map(toView);
}

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
	return rows.map(toView);
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
	return rows.map(toView);
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

/** Marks the other side's messages read up to (and including) the one shown last. */
async function markRead(
	db: Tx | Db,
	clientId: string,
	fromClient: boolean,
	upTo: string,
	now: Date
) {
	const [last] = await db
		.select({ at: message.createdAt })
		.from(message)
		.where(and(eq(message.id, upTo), eq(message.clientId, clientId)));
	if (!last) return 0;
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
	let marked = input.upTo ? await markRead(tx, me.id, false, input.upTo, now) : 0;
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
	return markRead(db, clientId, true, upTo, now);
}

export type ReplyError = 'empty' | 'message_too_long' | 'not_found';

/**
 * A klantmanager, team lead or stand-in answers. The answer takes the context of the message
 * it replies to (so it shows where the client asked); every waiting client message is now
 * answered (the time to a first answer is kept), an open question about that instrument is
 * closed, and the client is told, without the text, that there is a new message.
 */
export async function reply(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { body: string; replyTo?: string | null },
	now = new Date()
): Promise<{ ok: true; messageId: string } | { ok: false; error: ReplyError }> {
	await requireConversationAccess(db, staff, clientId);
	const cleaned = cleanBody(input.body, true);
	if (!cleaned.ok) {
		return { ok: false, error: cleaned.error === 'message_too_long' ? cleaned.error : 'empty' };
	}
	return db.transaction(async (tx) => {
		let about: typeof message.$inferSelect | undefined;
		if (input.replyTo) {
			[about] = await tx
				.select()
				.from(message)
				.where(
					and(
						eq(message.id, input.replyTo),
						eq(message.clientId, clientId),
						eq(message.fromClient, true)
					)
				);
			if (!about) return { ok: false, error: 'not_found' } as const;
		}
		const [row] = await tx
			.insert(message)
			.values({
				clientId,
				authorId: staff.id,
				fromClient: false,
				body: cleaned.body,
				contextKind: about?.contextKind ?? null,
				contextId: about?.contextId ?? null,
				planVersion: about?.planVersion ?? null,
				replyTo: about?.id ?? null,
				createdAt: now
			})
			.returning({ id: message.id });
		await tx
			.update(message)
			.set({ answeredAt: now })
			.where(
				and(
					eq(message.clientId, clientId),
					eq(message.fromClient, true),
					isNull(message.answeredAt)
				)
			);
		// What the client read there is now read by staff too.
		await tx
			.update(message)
			.set({ readAt: now })
			.where(
				and(
					eq(message.clientId, clientId),
					eq(message.fromClient, true),
					isNull(message.readAt),
					lte(message.createdAt, now)
				)
			);
		if (about?.contextKind === 'instrument' && about.contextId) {
			await tx
				.update(clientRequest)
				.set({ status: 'answered', answer: cleaned.body, answeredAt: now })
				.where(
					and(
						eq(clientRequest.clientId, clientId),
						eq(clientRequest.instrumentId, about.contextId),
						eq(clientRequest.kind, 'instrument_question'),
						eq(clientRequest.status, 'open')
					)
				);
		}
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'message.send',
			detail: { messageId: row!.id }
		});
		await notifications.notifyClient(tx, clientId, {
			kind: 'newMessage',
			params: {},
			link: about ? await answerLink(tx, about) : '/berichten'
		});
		return { ok: true, messageId: row!.id } as const;
	});
}

/**
 * An answer given elsewhere (the klantmanager accepting an appointment change) is also a
 * message in the conversation, about the same thing; what waited about it is answered.
 */
export async function recordStaffAnswer(
	tx: Tx | Db,
	input: {
		staffId: string;
		clientId: string;
		body: string;
		contextKind: MessageContext;
		contextId: string;
		now?: Date;
	}
): Promise<void> {
	const now = input.now ?? new Date();
	const body = input.body.trim();
	if (body) {
		await tx.insert(message).values({
			clientId: input.clientId,
			authorId: input.staffId,
			fromClient: false,
			body,
			contextKind: input.contextKind,
			contextId: input.contextId,
			createdAt: now
		});
	}
	await tx
		.update(message)
		.set({ answeredAt: now })
		.where(
			and(
				eq(message.clientId, input.clientId),
				eq(message.contextId, input.contextId),
				eq(message.fromClient, true),
				isNull(message.answeredAt)
			)
		);
}

async function answerLink(tx: Tx, about: typeof message.$inferSelect): Promise<string> {
	if (about.contextKind === 'instrument' && about.contextId) {
		const [inst] = await tx
			.select({ code: instrument.code })
			.from(instrument)
			.where(eq(instrument.id, about.contextId));
		if (inst) return `/uitleg/hulp/${inst.code}`;
	}
	return contextLink(about.contextKind, about.contextId);
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

export interface OpenConversation {
	clientId: string;
	name: string;
	clientNumber: string;
	klantmanager: string | null;
	waitingSince: string;
	waiting: number;
	unread: number;
}

/**
 * Conversations waiting for an answer in the caseload (the team's for a lead, and the clients
 * of klantmanagers one stands in for), longest waiting first.
 */
export async function openConversations(
	db: Db,
	staff: Staff,
	today = amsterdamDay()
): Promise<OpenConversation[]> {
	const filter = await caseloadFilter(db, staff);
	const covered = await db
		.select({ km: standIn.klantmanagerId })
		.from(standIn)
		.where(and(eq(standIn.standInId, staff.id), sql`${standIn.until} >= ${today}`));
	const scope = covered.length
		? filter
			? or(
					filter,
					inArray(
						client.klantmanagerId,
						covered.map((c) => c.km)
					)
				)
			: inArray(
					client.klantmanagerId,
					covered.map((c) => c.km)
				)
		: filter;
	if (!scope) return [];
	const km = sql<
		string | null
	>`(select u.display_name from "user" u where u.id = ${client.klantmanagerId})`;
	const rows = await db
		.select({
			clientId: client.id,
			name: user.displayName,
			clientNumber: client.clientNumber,
			klantmanager: km,
			waitingSince: sql<Date>`min(${message.createdAt})`.mapWith(message.createdAt),
			waiting: count(),
			unread: sql<number>`count(*) filter (where ${message.readAt} is null)`.mapWith(Number)
		})
		.from(message)
		.innerJoin(client, eq(client.id, message.clientId))
		.innerJoin(user, eq(user.id, client.userId))
		.where(and(eq(message.fromClient, true), isNull(message.answeredAt), scope))
		.groupBy(client.id, user.displayName, client.clientNumber, client.klantmanagerId)
		.orderBy(sql`min(${message.createdAt})`)
		.limit(500);
	return rows.map((r) => ({ ...r, waitingSince: r.waitingSince.toISOString() }));
}

/** Seconds from each answered client message to its first answer, for the report. */
export async function firstAnswerSeconds(
	db: Db,
	clientId: string
): Promise<{ messageId: string; seconds: number }[]> {
	const rows = await db
		.select({ id: message.id, createdAt: message.createdAt, answeredAt: message.answeredAt })
		.from(message)
		.where(
			and(
				eq(message.clientId, clientId),
				eq(message.fromClient, true),
				gt(message.answeredAt, message.createdAt)
			)
		)
		.orderBy(asc(message.createdAt));
	return rows.map((r) => ({
		messageId: r.id,
		seconds: Math.round((r.answeredAt!.getTime() - r.createdAt.getTime()) / 1000)
	}));
}

/** Plan versions the client asked about or disagreed with that wait for the klantmanager. */
export async function planVersionsWaiting(
	db: Db,
	planId: string
): Promise<{ version: number; intent: MessageIntent; body: string; at: string }[]> {
	const rows = await db
		.select({
			version: message.planVersion,
			intent: message.intent,
			body: message.body,
			at: message.createdAt
		})
		.from(message)
		.where(
			and(
				eq(message.contextKind, 'plan'),
				eq(message.contextId, planId),
				eq(message.fromClient, true),
				isNull(message.answeredAt)
			)
		)
		.orderBy(asc(message.createdAt));
	return rows
		.filter((r) => r.version !== null)
		.map((r) => ({
			version: r.version!,
			intent: r.intent ?? 'question',
			body: r.body,
			at: r.at.toISOString()
		}));
}
