import { and, count, eq, gt, inArray, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { signInFailure } from '../db/schema';

// Attempts are kept in the database so that several app processes share one count. An attempt
// is reserved (written) BEFORE the slow check, under a PostgreSQL advisory lock per key, so
// parallel requests cannot all pass the check before any of them is counted. A success
// removes the reservation again; a failure leaves it standing.

export const WINDOW_MS = 15 * 60 * 1000;
/** Attempts per account before delays start. */
export const FREE_PER_ACCOUNT = 5;
/** The first delay; each further failure doubles it, up to MAX_DELAY_MS. */
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 60_000;
/** One address may try one account this often per window (other addresses are not affected). */
export const MAX_PER_ADDRESS_ACCOUNT = 10;
/** Activation codes carry no account: per address this many guesses per window. */
export const MAX_ACTIVATION_PER_ADDRESS = 10;

/**
 * A key and its rule: `delay` grows the wait after `free` attempts (the owner still gets in
 * after a short wait); `limit` refuses after `free` attempts until the window has passed.
 */
export interface LimitRule {
	key: string;
	free: number;
	kind: 'delay' | 'limit';
}

export type Reservation = { ok: true; keys: string[] } | { ok: false; retryAfterSeconds: number };

export const accountKey = (identifier: string) => `account:${identifier.trim().toLowerCase()}`;
export const addressAccountKey = (address: string, identifier: string) =>
	`address:${address}|${identifier.trim().toLowerCase()}`;
export const activationKey = (address: string) => `activation:${address}`;

/** The wait before attempt number `n + 1` when `n` attempts are on record. */
export function delayAfter(n: number, free: number): number {
	if (n < free) return 0;
	return Math.min(FIRST_DELAY_MS * 2 ** (n - free), MAX_DELAY_MS);
}

/**
 * Checks and records one attempt for all rules in one transaction. Each key is locked with
 * `pg_advisory_xact_lock` first (in a fixed order, so two requests never wait on each other in
 * a circle); the count that follows therefore sees every attempt reserved before it.
 */
export async function reserveAttempt(
	db: Db,
	rules: LimitRule[],
	now = new Date()
): Promise<Reservation> {
	const sorted = [...rules].sort((a, b) => a.key.localeCompare(b.key));
	const since = new Date(now.getTime() - WINDOW_MS);
	return db.transaction(async (tx) => {
		for (const rule of sorted) {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${rule.key}, 0))`);
		}
		const keys = sorted.map((r) => r.key);
		const rows = await tx
			.select({ key: signInFailure.key, n: count(), last: max(signInFailure.at) })
			.from(signInFailure)
			.where(and(inArray(signInFailure.key, keys), gt(signInFailure.at, since)))
			.groupBy(signInFailure.key);
		let waitMs = 0;
		for (const rule of sorted) {
			const row = rows.find((r) => r.key === rule.key);
			const n = row?.n ?? 0;
			if (n < rule.free) continue;
			const last = row?.last ? new Date(row.last).getTime() : now.getTime();
			if (rule.kind === 'limit') {
				// Refused until the oldest counted attempt leaves the window; simplest: a full window.
				waitMs = Math.max(waitMs, last + WINDOW_MS - now.getTime());
			} else {
				waitMs = Math.max(waitMs, last + delayAfter(n, rule.free) - now.getTime());
			}
		}
		if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } as const;
		await tx.insert(signInFailure).values(sorted.map((r) => ({ key: r.key, at: now })));
		return { ok: true, keys } as const;
	});
}

/** After a success: the account's earlier attempts say nothing any more. */
export async function clearAttempts(db: Db, keys: string[], now = new Date()): Promise<void> {
	await db.delete(signInFailure).where(inArray(signInFailure.key, keys));
	// Old rows say nothing any more; trimming here keeps the table small without a job.
	await db.delete(signInFailure).where(lt(signInFailure.at, new Date(now.getTime() - WINDOW_MS)));
}

/** Rules for a password sign-in. */
export function signInRules(identifier: string, address: string): LimitRule[] {
	return [
		{ key: accountKey(identifier), free: FREE_PER_ACCOUNT, kind: 'delay' },
		{ key: addressAccountKey(address, identifier), free: MAX_PER_ADDRESS_ACCOUNT, kind: 'limit' }
	];
}

export function activationRules(address: string): LimitRule[] {
	return [{ key: activationKey(address), free: MAX_ACTIVATION_PER_ADDRESS, kind: 'limit' }];
}

/** Forgets one account's attempts (an admin resets a password). */
export async function clearAccount(db: Db, identifier: string): Promise<void> {
	await db.delete(signInFailure).where(eq(signInFailure.key, accountKey(identifier)));
}
