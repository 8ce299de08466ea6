import { and, eq, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/open';
import { idempotency } from '../db/schema';

/** Keys (and the first answer, which may repeat what a client wrote) are kept this long. */
export const IDEMPOTENCY_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Outcome<T> {
	status: number;
	body: T;
	/** True when this key was seen before and the first answer is given again. */
	replayed: boolean;
}

/**
 * Applies a mutation once per key and person. The key row is written in the same transaction
 * as the change, so a concurrent duplicate waits on it and then gets the first answer. A key is
 * bound to its request (`fingerprint`: what it asks for); the same key with another request is
 * refused with 422 instead of silently answering the first one again.
 */
export async function once<T>(
	db: Db,
	input: { key: string; userId: string; fingerprint: string; now?: Date },
	apply: (tx: Tx) => Promise<{ status: number; body: T }>
): Promise<Outcome<T>> {
	const now = input.now ?? new Date();
	const requestHash = encodeHexLowerCase(sha256(new TextEncoder().encode(input.fingerprint)));
	const mine = and(eq(idempotency.userId, input.userId), eq(idempotency.key, input.key));
	return db.transaction(async (tx) => {
		// This person's expired keys go first (a replay that late is a new action anyway).
		await tx
			.delete(idempotency)
			.where(
				and(
					eq(idempotency.userId, input.userId),
					lt(idempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_DAYS * DAY))
				)
			);
		const inserted = await tx
			.insert(idempotency)
			.values({ key: input.key, userId: input.userId, status: 0, requestHash, createdAt: now })
			.onConflictDoNothing()
			.returning({ key: idempotency.key });
		if (inserted.length === 0) {
			const [row] = await tx.select().from(idempotency).where(mine);
			// A row from before keys were bound (no hash) is still replayed.
			if (!row || (row.requestHash !== null && row.requestHash !== requestHash)) {
				return {
					status: 422,
					body: { ok: false, error: 'key_mismatch' } as T,
					replayed: false
				};
			}
			return { status: row.status, body: row.result as T, replayed: true };
		}
		const result = await apply(tx);
		await tx
			.update(idempotency)
			.set({ status: result.status, result: result.body as object })
			.where(mine);
		return { ...result, replayed: false };
	});
}
