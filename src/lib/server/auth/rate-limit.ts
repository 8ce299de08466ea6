import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../db/open';
import { signInFailure } from '../db/schema';

// Kept in the database so that several app processes share one count.
export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_PER_ACCOUNT = 5;
export const MAX_PER_ADDRESS = 30;

const accountKey = (identifier: string) => `account:${identifier.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export async function isLimited(
	db: Db,
	identifier: string,
	address: string,
	now = new Date()
): Promise<boolean> {
	const since = new Date(now.getTime() - WINDOW_MS);
	const rows = await db
		.select({ key: signInFailure.key, n: count() })
		.from(signInFailure)
		.where(
			and(
				gt(signInFailure.at, since),
				or(
					eq(signInFailure.key, accountKey(identifier)),
					eq(signInFailure.key, addressKey(address))
				)
			)
		)
		.groupBy(signInFailure.key);
	const of = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
	return (
		of(accountKey(identifier)) >= MAX_PER_ACCOUNT || of(addressKey(address)) >= MAX_PER_ADDRESS
	);
}

export async function recordFailure(
	db: Db,
	identifier: string,
	address: string,
	now = new Date()
): Promise<void> {
	await db.insert(signInFailure).values([
		{ key: accountKey(identifier), at: now },
		{ key: addressKey(address), at: now }
	]);
	// Old rows say nothing any more; trimming here keeps the table small without a job.
	await db.delete(signInFailure).where(lt(signInFailure.at, new Date(now.getTime() - WINDOW_MS)));
}

export async function clearAccountFailures(db: Db, identifier: string): Promise<void> {
	await db.delete(signInFailure).where(eq(signInFailure.key, accountKey(identifier)));
}
