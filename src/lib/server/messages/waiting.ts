import { and, asc, count, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, clientRequest, message, standIn, user, type MessageIntent } from '../db/schema';
import { caseloadFilter, type Staff } from '../caseload/caseload';
import { amsterdamDay } from '../../dates';

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

/**
 * The appointments of this client with an open change request: an answer to a message about
 * one of them says what happens with the request (`reply`'s decision).
 */
export async function openChangeRequests(db: Db, clientId: string): Promise<string[]> {
	const rows = await db
		.select({ appointmentId: clientRequest.appointmentId })
		.from(clientRequest)
		.where(
			and(
				eq(clientRequest.clientId, clientId),
				eq(clientRequest.kind, 'appointment_change'),
				eq(clientRequest.status, 'open')
			)
		);
	return rows.flatMap((r) => (r.appointmentId ? [r.appointmentId] : []));
}
