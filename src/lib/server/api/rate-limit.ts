import { and, count, eq, gt, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { signInFailure } from '../db/schema';

// Requests to /api/v1 are counted in the same table as sign-in attempts (one row per request,
// key "api:<key id>" or "api-bad:<address>"), so several app processes share one count.

export const API_WINDOW_MS = 60_000;
/** A nightly job sends batches of up to 1,000 clients: 60 calls a minute is plenty. */
export const API_CALLS_PER_MINUTE = 60;
/** Requests with a wrong key from one address, per minute, before that address waits (a
 * misconfigured job, not guessing: a key has 256 random bits). */
export const API_BAD_KEYS_PER_MINUTE = 60;

export const apiKeyBucket = (keyId: string) => `api:${keyId}`;
export const badKeyBucket = (address: string) => `api-bad:${address}`;

/**
 * Counts one request against `limit` per minute. Under an advisory lock per bucket, so
 * parallel requests cannot all slip under the limit. Returns the seconds to wait when over.
 */
export async function take(
	db: Db,
	bucket: string,
	limit: number,
	now = new Date()
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
	const since = new Date(now.getTime() - API_WINDOW_MS);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${bucket}, 0))`);
		await tx
			.delete(signInFailure)
			.where(and(eq(signInFailure.key, bucket), lt(signInFailure.at, since)));
		const [row] = await tx
			.select({ n: count(), first: min(signInFailure.at) })
			.from(signInFailure)
			.where(and(eq(signInFailure.key, bucket), gt(signInFailure.at, since)));
		if ((row?.n ?? 0) >= limit) {
			const first = row?.first ? new Date(row.first).getTime() : now.getTime();
			const wait = Math.max(1, Math.ceil((first + API_WINDOW_MS - now.getTime()) / 1000));
			return { ok: false, retryAfterSeconds: wait } as const;
		}
		await tx.insert(signInFailure).values({ key: bucket, at: now });
		return { ok: true } as const;
	});
}

/** Whether an address has sent too many wrong keys lately (read only; `take` counts one). */
export async function isBlocked(db: Db, bucket: string, limit: number, now = new Date()) {
	const since = new Date(now.getTime() - API_WINDOW_MS);
	const [row] = await db
		.select({ n: count() })
		.from(signInFailure)
		.where(and(eq(signInFailure.key, bucket), gt(signInFailure.at, since)));
	return (row?.n ?? 0) >= limit;
}
