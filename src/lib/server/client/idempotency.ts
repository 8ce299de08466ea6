import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/open';
import { idempotency } from '../db/schema';
import { transaction } from '../db/after-commit';

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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Applies a mutation once per key and person. The key row is written in the same transaction
 * as the change, so a concurrent duplicate waits on it and then gets the first answer. Keys are
 * scoped per person (#14): the stored key is "<user id>:<key>", so one person's key never
 * touches another's action. A key is bound to its request (`fingerprint`); the same key with
 * another request is refused with 422 instead of silently answering the first one again.
 * A refused action (status 400 or more) keeps nothing, not even its key: a refusal changes
 * nothing, and the same key may then carry the corrected action.
 */
export async function once<T>(
	db: Db,
	input: { key: string; userId: string; anonymous?: boolean; fingerprint: string; now?: Date },
	apply: (tx: Tx) => Promise<{ status: number; body: T }>
): Promise<Outcome<T>> {
	const now = input.now ?? new Date();
	// An anonymous action (a survey answer) keeps no person id: its row is found by a hash of
	// the person and the key, which only that person's replay produces again.
	const key = input.anonymous
		? `anon:${sha256(`${input.userId}\n${input.key}`)}`
		: `${input.userId}:${input.key}`;
	const userId = input.anonymous ? null : input.userId;
	const requestHash = sha256(input.fingerprint);
	let refusal: Outcome<T> | undefined;
	// The after-commit transaction: a notice the action gives (a klantmanager's reply) goes out
	// only once the action and its key are committed together.
	const outcome = await transaction(db, async (tx) => {
		// Expired keys go first (a replay that late is a new action anyway).
		const expired = lt(idempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_DAYS * DAY));
		await tx
			.delete(idempotency)
			.where(and(userId ? eq(idempotency.userId, userId) : eq(idempotency.key, key), expired));
		const inserted = await tx
			.insert(idempotency)
			.values({ key, userId, status: 0, requestHash, createdAt: now })
			.onConflictDoNothing()
			.returning({ key: idempotency.key });
		if (inserted.length === 0) {
			const [row] = await tx.select().from(idempotency).where(eq(idempotency.key, key));
			// A row from before keys were bound (no hash) is still replayed.
			if (!row || (row.requestHash !== null && row.requestHash !== requestHash)) {
				return { status: 422, body: { ok: false, error: 'key_mismatch' } as T, replayed: false };
			}
			return { status: row.status, body: row.result as T, replayed: true };
		}
		const result = await apply(tx);
		if (result.status >= 400) {
			refusal = { ...result, replayed: false };
			// Rolls back the key row and anything the refused action wrote before it failed.
			tx.rollback();
		}
		await tx
			.update(idempotency)
			.set({ status: result.status, result: result.body as object })
			.where(eq(idempotency.key, key));
		return { ...result, replayed: false };
	}).catch((e: unknown) => {
		if (refusal) return refusal;
		throw e;
	});
	return outcome;
}
