import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { idempotency } from '../db/schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Outcome<T> {
	status: number;
	body: T;
	/** True when this key was seen before and the first answer is given again. */
	replayed: boolean;
}

/**
 * Applies a mutation once per key. The key row is written in the same transaction as the
 * change, so a concurrent duplicate waits on it and then gets the first answer.
 */
export async function once<T>(
	db: Db,
	input: { key: string; userId: string; anonymous?: boolean },
	apply: (tx: Tx) => Promise<{ status: number; body: T }>
): Promise<Outcome<T>> {
	// An anonymous action (a survey answer) keeps no person id: its row is found by a hash of
	// the person and the key, which only that person's replay produces again.
	const key = input.anonymous
		? `anon:${createHash('sha256').update(`${input.userId}\n${input.key}`).digest('hex')}`
		: input.key;
	const userId = input.anonymous ? null : input.userId;
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(idempotency)
			.values({ key, userId, status: 0 })
			.onConflictDoNothing()
			.returning({ key: idempotency.key });
		if (inserted.length === 0) {
			const [row] = await tx
				.select()
				.from(idempotency)
				.where(
					userId === null
						? eq(idempotency.key, key)
						: and(eq(idempotency.key, key), eq(idempotency.userId, userId))
				);
			// A key used by another person is not theirs to replay: treat as a conflict.
			if (!row) return { status: 409, body: { error: 'key_in_use' } as T, replayed: true };
			return { status: row.status, body: row.result as T, replayed: true };
		}
		const result = await apply(tx);
		await tx
			.update(idempotency)
			.set({ status: result.status, result: result.body as object })
			.where(eq(idempotency.key, key));
		return { ...result, replayed: false };
	});
}
