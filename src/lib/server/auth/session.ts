import { and, eq, lt, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { client, gemeente, message, session, user, type Client, type User } from '../db/schema';
import * as audit from '../audit/audit';

// Sessions as in the current Lucia guide: a token "id.secret"; the database keeps the id and
// a SHA-256 of the secret, so a leaked table cannot be replayed as cookies.

const DAY = 24 * 60 * 60 * 1000;
/** The idle clock is written at most this often (not on every request). */
const TOUCH_MS = 60 * 1000;
/** A password sign-in waiting for its second factor lasts at most this long. */
export const PENDING_MS = 10 * 60 * 1000;

/** How long a session may live at most, and without a request. */
export interface Lifetime {
	absoluteMs: number;
	idleMs: number;
}
/** Staff (any role besides client) on shared office PCs; clients on their own phone. */
export interface SessionLimits {
	staff: Lifetime;
	client: Lifetime;
}

function asLifetime(l: Lifetime | number): Lifetime {
	return typeof l === 'number' ? { absoluteMs: l * DAY, idleMs: l * DAY } : l;
}
function asLimits(l: SessionLimits | number): SessionLimits {
	return typeof l === 'number' ? { staff: asLifetime(l), client: asLifetime(l) } : l;
}
export function isStaffRoles(roles: readonly string[]): boolean {
	return roles.some((r) => r !== 'client');
}
export function lifetimeFor(limits: SessionLimits, roles: readonly string[]): Lifetime {
	return isStaffRoles(roles) ? limits.staff : limits.client;
}

export type SessionUser = Pick<
	User,
	'id' | 'displayName' | 'email' | 'roles' | 'language' | 'teamId' | 'preferences'
> & {
	/** For a client: the languages their gemeente offers (read in the same query). */
	gemeenteLanguages: string[] | null;
};
/** For a client user: their client record, read with the session so pages need no extra query. */
export type SessionClient = Client;
export interface ValidSession {
	id: string;
	userId: string;
	expiresAt: Date;
	/** True when the expiry was pushed out and the cookie must be set again. */
	renewed: boolean;
	/** A staff password sign-in that has not given its second factor yet: it opens nothing. */
	secondFactorPending: boolean;
	/** When the person last proved who they are (sign-in or re-authentication). */
	verifiedAt: Date;
}

function randomPart(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export async function createSession(
	db: Db,
	userId: string,
	lifetime: Lifetime | number,
	now = new Date(),
	options: { secondFactorPending?: boolean } = {}
): Promise<{ token: string; expiresAt: Date }> {
	const id = randomPart();
	const secret = randomPart();
	const l = asLifetime(lifetime);
	const pending = options.secondFactorPending ?? false;
	const expiresAt = new Date(
		now.getTime() + Math.min(l.absoluteMs, l.idleMs, pending ? PENDING_MS : Infinity)
	);
	await db.insert(session).values({
		id,
		secretHash: hashSecret(secret),
		userId,
		expiresAt,
		createdAt: now,
		lastSeenAt: now,
		verifiedAt: now,
		secondFactorPending: pending
	});
	return { token: `${id}.${secret}`, expiresAt };
}

/**
 * The session with its user, client record, gemeente languages and unread count: the query
 * every request makes. Built once per database and kept (a prepared query): drizzle otherwise
 * builds this SQL again on every request, which the profile showed as a share of each page (#19).
 */
const sessionLookup = preparedPerDb((db) =>
	db
		.select({
			id: session.id,
			secretHash: session.secretHash,
			expiresAt: session.expiresAt,
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			secondFactorPending: session.secondFactorPending,
			verifiedAt: session.verifiedAt,
			user: {
				id: user.id,
				displayName: user.displayName,
				email: user.email,
				roles: user.roles,
				language: user.language,
				teamId: user.teamId,
				preferences: user.preferences,
				disabledAt: user.disabledAt,
				gemeenteLanguages: gemeente.languages
			},
			client,
			// Every client page shows this (the layout): read here, in the round trip every
			// request makes anyway, instead of in a query of its own (#19). Uses message_unread_idx.
			unreadMessages:
				sql<number>`(select count(*) from ${message} where ${message.clientId} = ${client.id} and not ${message.fromClient} and ${message.readAt} is null)`.mapWith(
					Number
				)
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.leftJoin(client, eq(client.userId, user.id))
		.leftJoin(gemeente, eq(gemeente.id, client.gemeenteId))
		.where(eq(session.id, sql.placeholder('id')))
		.limit(1)
		.prepare('session_lookup')
);

/**
 * Returns the session and its user, or null for a missing, forged or expired token. A session
 * ends at the first of: its absolute lifetime from sign-in, its idle timeout since the last
 * request (both per role), or its user being disabled.
 */
export async function validateSessionToken(
	db: Db,
	token: string,
	sessionLimits: SessionLimits | number,
	now = new Date()
): Promise<{
	session: ValidSession;
	user: SessionUser;
	client: SessionClient | null;
	/** A client's answers from the klantmanager not yet read (0 for staff). */
	unreadMessages: number;
} | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const [row] = await sessionLookup(db).execute({ id });
	if (!row) return null;
	if (!constantTimeEqual(decodeHex(hashSecret(secret)), decodeHex(row.secretHash))) return null;
	const lifetime = lifetimeFor(asLimits(sessionLimits), row.user.roles);
	const absoluteEnd =
		row.createdAt.getTime() + (row.secondFactorPending ? PENDING_MS : lifetime.absoluteMs);
	const idleEnd = row.lastSeenAt.getTime() + lifetime.idleMs;
	const end = Math.min(absoluteEnd, idleEnd, row.expiresAt.getTime());
	if (end <= now.getTime() || row.user.disabledAt) {
		await db.delete(session).where(eq(session.id, id));
		if (!row.user.disabledAt) {
			await audit.record(db, {
				actorId: row.user.id,
				clientId: null,
				action: 'session.expire',
				detail: { reason: absoluteEnd <= now.getTime() ? 'absolute' : 'idle' }
			});
		}
		return null;
	}
	// The idle clock moves with each request (written at most once a minute); the expiry
	// never passes the absolute end.
	let expiresAt = row.expiresAt;
	let renewed = false;
	if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_MS) {
		expiresAt = new Date(Math.min(absoluteEnd, now.getTime() + lifetime.idleMs));
		renewed = true;
		await db.update(session).set({ expiresAt, lastSeenAt: now }).where(eq(session.id, id));
	}
	const { disabledAt: _disabled, ...sessionUser } = row.user;
	return {
		session: {
			id,
			userId: sessionUser.id,
			expiresAt,
			renewed,
			secondFactorPending: row.secondFactorPending,
			verifiedAt: row.verifiedAt
		},
		user: sessionUser,
		client: row.client,
		unreadMessages: row.unreadMessages
	};
}

/** The person proved again who they are (re-authentication before a high-risk act). */
export async function markVerified(db: Db, sessionId: string, now = new Date()): Promise<void> {
	await db.update(session).set({ verifiedAt: now }).where(eq(session.id, sessionId));
}

/** True when the person proved who they are within the last `withinMs`. */
export function recentlyVerified(
	s: Pick<ValidSession, 'verifiedAt'> | null,
	withinMs: number,
	now = new Date()
): boolean {
	return !!s && now.getTime() - s.verifiedAt.getTime() <= withinMs;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** Sign-out: the session ends on the server, and it is on record. */
export async function signOut(db: Db, sessionId: string, userId: string): Promise<void> {
	await invalidateSession(db, sessionId);
	await audit.record(db, { actorId: userId, clientId: null, action: 'auth.sign_out' });
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
	await db.delete(session).where(and(lt(session.expiresAt, now)));
}
