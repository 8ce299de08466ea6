import { and, desc, eq, isNull } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { z } from 'zod';
import type { Db } from '../db/open';
import { API_SCOPES, apiKey, gemeente, user, type ApiScope } from '../db/schema';
import * as audit from '../audit/audit';

// API keys for the benefit administration's sync job (issue 15). A key is
// "ww_<prefix>_<secret>": the prefix is public (shown in /beheer, used to find the row), the
// secret is 32 random bytes that the database keeps only as a SHA-256, compared in constant
// time. A secret this long needs no slow hash: it cannot be guessed, only stolen.

export const API_SCOPE_LIST = API_SCOPES;
export type { ApiScope };

const KEY_FORMAT = /^ww_([a-z2-7]{16})_([a-z2-7]{52})$/;

function random(bytes: number): string {
	const b = new Uint8Array(bytes);
	crypto.getRandomValues(b);
	return encodeBase32LowerCaseNoPadding(b);
}
const hash = (secret: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));

export const newKeySchema = z.object({
	name: z.string().trim().min(1).max(100),
	gemeenteId: z.uuid(),
	scope: z.enum(API_SCOPES)
});
export type NewKey = z.infer<typeof newKeySchema>;

/**
 * Makes a key and returns it whole, once: only its hash is kept. The key acts as a person
 * row of its own (no roles, disabled, no sign-in), so audit events name the key.
 */
export async function createKey(
	db: Db,
	adminId: string,
	input: NewKey
): Promise<{ ok: true; key: string; id: string } | { ok: false; error: 'gemeente' }> {
	const data = newKeySchema.parse(input);
	return db.transaction(async (tx) => {
		const [g] = await tx
			.select({ code: gemeente.code })
			.from(gemeente)
			.where(eq(gemeente.id, data.gemeenteId));
		if (!g) return { ok: false, error: 'gemeente' } as const;
		const prefix = random(10);
		const secret = random(32);
		const [actor] = await tx
			.insert(user)
			.values({
				displayName: `API-sleutel: ${data.name}`,
				roles: [],
				disabledAt: new Date()
			})
			.returning({ id: user.id });
		const [row] = await tx
			.insert(apiKey)
			.values({
				prefix,
				secretHash: hash(secret),
				name: data.name,
				gemeenteId: data.gemeenteId,
				scope: data.scope,
				userId: actor!.id,
				createdBy: adminId
			})
			.returning({ id: apiKey.id });
		await audit.record(tx, {
			actorId: adminId,
			clientId: null,
			action: 'api_key.create',
			detail: { name: data.name, scope: data.scope, gemeente: g.code, prefix }
		});
		return { ok: true, key: `ww_${prefix}_${secret}`, id: row!.id } as const;
	});
}

export async function revokeKey(
	db: Db,
	adminId: string,
	id: string,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiKey)
			.set({ revokedAt: now, revokedBy: adminId })
			.where(and(eq(apiKey.id, id), isNull(apiKey.revokedAt)))
			.returning({ name: apiKey.name, prefix: apiKey.prefix });
		if (!row) return false;
		await audit.record(tx, {
			actorId: adminId,
			clientId: null,
			action: 'api_key.revoke',
			detail: { name: row.name, prefix: row.prefix }
		});
		return true;
	});
}

export async function listKeys(db: Db) {
	return db
		.select({
			id: apiKey.id,
			name: apiKey.name,
			prefix: apiKey.prefix,
			scope: apiKey.scope,
			gemeente: gemeente.name,
			createdAt: apiKey.createdAt,
			lastUsedAt: apiKey.lastUsedAt,
			revokedAt: apiKey.revokedAt
		})
		.from(apiKey)
		.innerJoin(gemeente, eq(gemeente.id, apiKey.gemeenteId))
		.orderBy(desc(apiKey.createdAt));
}

/** Who a valid key is: the gemeente and scope it may act for, and its audit actor. */
export interface ApiCaller {
	keyId: string;
	actorId: string;
	gemeenteId: string;
	scope: ApiScope;
}

const LAST_USED_MS = 60_000;

/**
 * The caller of a bearer token, or null for a malformed, unknown or revoked key. Last use is
 * written at most once a minute (a nightly job sends many requests).
 */
export async function authenticate(
	db: Db,
	token: string,
	now = new Date()
): Promise<ApiCaller | null> {
	const m = KEY_FORMAT.exec(token);
	if (!m) return null;
	const [row] = await db.select().from(apiKey).where(eq(apiKey.prefix, m[1]!));
	if (!row || row.revokedAt) return null;
	const given = new TextEncoder().encode(hash(m[2]!));
	if (!constantTimeEqual(given, new TextEncoder().encode(row.secretHash))) return null;
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_MS)
		await db.update(apiKey).set({ lastUsedAt: now }).where(eq(apiKey.id, row.id));
	return { keyId: row.id, actorId: row.userId, gemeenteId: row.gemeenteId, scope: row.scope };
}

/** The gemeenten a key can be made for, by name. */
export async function gemeenteChoices(db: Db) {
	return db.select({ id: gemeente.id, name: gemeente.name }).from(gemeente).orderBy(gemeente.name);
}
