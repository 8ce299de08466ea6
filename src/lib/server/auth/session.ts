import { and, eq, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/open';
import { client, gemeente, session, user, type Client, type User } from '../db/schema';

// Sessions as in the current Lucia guide: a token "id.secret"; the database keeps the id and
// a SHA-256 of the secret, so a leaked table cannot be replayed as cookies.

const DAY = 24 * 60 * 60 * 1000;

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
	days: number,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const id = randomPart();
	const secret = randomPart();
	const expiresAt = new Date(now.getTime() + days * DAY);
	await db.insert(session).values({ id, secretHash: hashSecret(secret), userId, expiresAt });
	return { token: `${id}.${secret}`, expiresAt };
}

/** Returns the session and its user, or null for a missing, forged or expired token. */
export async function validateSessionToken(
	db: Db,
	token: string,
	days: number,
	now = new Date()
): Promise<{ session: ValidSession; user: SessionUser; client: SessionClient | null } | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const [row] = await db
		.select({
			id: session.id,
			secretHash: session.secretHash,
			expiresAt: session.expiresAt,
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
			client
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.leftJoin(client, eq(client.userId, user.id))
		.leftJoin(gemeente, eq(gemeente.id, client.gemeenteId))
		.where(eq(session.id, id))
		.limit(1);
	if (!row) return null;
	if (!constantTimeEqual(decodeHex(hashSecret(secret)), decodeHex(row.secretHash))) return null;
	if (row.expiresAt.getTime() <= now.getTime() || row.user.disabledAt) {
		await db.delete(session).where(eq(session.id, id));
		return null;
	}
	// Sliding expiry: once half the lifetime is used, push the expiry out again.
	let expiresAt = row.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - now.getTime() < (days * DAY) / 2) {
		expiresAt = new Date(now.getTime() + days * DAY);
		renewed = true;
		await db.update(session).set({ expiresAt }).where(eq(session.id, id));
	}
	const { disabledAt: _disabled, ...sessionUser } = row.user;
	return {
		session: { id, userId: sessionUser.id, expiresAt, renewed },
		user: sessionUser,
		client: row.client
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
	await db.delete(session).where(and(lt(session.expiresAt, now)));
}
