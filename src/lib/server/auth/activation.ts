import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/open';
import { activationCode, authIdentity, client, session } from '../db/schema';
import { hashPassword } from './password';
import * as rateLimit from './rate-limit';

export const ACTIVATION_DAYS = 14;
// No 0/O, 1/I/L: the code is read from a letter and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function normaliseCode(code: string): string {
	return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function hashCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseCode(code))));
}

function randomCode(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
	return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Makes a one-time code; the plain code is returned once and never stored. */
export async function createActivationCode(
	db: Db,
	input: { userId: string; createdBy: string | null; now?: Date }
): Promise<{ code: string; expiresAt: Date }> {
	const now = input.now ?? new Date();
	const code = randomCode();
	const expiresAt = new Date(now.getTime() + ACTIVATION_DAYS * 24 * 60 * 60 * 1000);
	await db.transaction(async (tx) => {
		// A new letter replaces the old one: a lost or stolen earlier letter stops working.
		await tx
			.update(activationCode)
			.set({ expiresAt: now })
			.where(
				and(
					eq(activationCode.userId, input.userId),
					isNull(activationCode.usedAt),
					gt(activationCode.expiresAt, now)
				)
			);
		await tx.insert(activationCode).values({
			userId: input.userId,
			codeHash: hashCode(code),
			createdBy: input.createdBy,
			expiresAt
		});
	});
	return { code, expiresAt };
}

export type RedeemResult =
	{ ok: true; userId: string; clientNumber: string } | { ok: false; reason: 'invalid' };

export type ActivateResult =
	RedeemResult | { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * The activation form: one guess is reserved per address before the code is looked up, so
 * parallel guesses cannot pass the limit. A success frees its reservation.
 */
export async function activateWithCode(
	db: Db,
	input: { code: string; password: string; address: string; now?: Date }
): Promise<ActivateResult> {
	const now = input.now ?? new Date();
	const reserved = await rateLimit.reserveAttempt(
		db,
		rateLimit.activationRules(input.address),
		now
	);
	if (!reserved.ok) {
		return { ok: false, reason: 'limited', retryAfterSeconds: reserved.retryAfterSeconds };
	}
	const result = await redeemActivationCode(db, {
		code: input.code,
		password: input.password,
		now
	});
	if (result.ok) await rateLimit.clearAttempts(db, reserved.keys, now);
	return result;
}

/** Uses a code once: sets the client's password and returns who they are. */
export async function redeemActivationCode(
	db: Db,
	input: { code: string; password: string; now?: Date }
): Promise<RedeemResult> {
	const now = input.now ?? new Date();
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(activationCode)
			.set({ usedAt: now })
			.where(
				and(
					eq(activationCode.codeHash, hashCode(input.code)),
					isNull(activationCode.usedAt),
					gt(activationCode.expiresAt, now)
				)
			)
			.returning({ userId: activationCode.userId });
		if (!row) return { ok: false, reason: 'invalid' } as const;
		const [c] = await tx
			.select({ clientNumber: client.clientNumber })
			.from(client)
			.where(eq(client.userId, row.userId));
		if (!c) return { ok: false, reason: 'invalid' } as const;
		const subject = c.clientNumber.toLowerCase();
		await tx
			.insert(authIdentity)
			.values({ userId: row.userId, provider: 'password', subject, passwordHash })
			.onConflictDoUpdate({
				target: [authIdentity.provider, authIdentity.subject],
				set: { passwordHash }
			});
		// A new password: every session opened with the old one ends.
		await tx.delete(session).where(eq(session.userId, row.userId));
		return { ok: true, userId: row.userId, clientNumber: c.clientNumber } as const;
	});
}
