import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { authIdentity } from '../db/schema';
import { verifyPassword } from './password';
import * as rateLimit from './rate-limit';
import * as secondFactor from './second-factor';
import { markVerified } from './session';
import * as audit from '../audit/audit';

/**
 * Granting roles and other high-risk admin acts need a proof of identity this recent (#14; the
 * default of `REAUTH_SECONDS`):
 * someone who finds an admin's unlocked office PC cannot make themselves admin.
 */
export const REAUTH_MS = 10 * 60 * 1000;

export type ReauthResult =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * Proves again who is at the keyboard: a code from their app (or a recovery code) when they
 * have a second factor, else their password. Limited like sign-in; on success the session
 * records the moment (`verified_at`).
 */
export async function reauthenticate(
	db: Db,
	input: { userId: string; sessionId: string; secret: string; now?: Date }
): Promise<ReauthResult> {
	const now = input.now ?? new Date();
	let result: ReauthResult;
	let method: string;
	if (await secondFactor.hasTotp(db, input.userId)) {
		method = 'totp';
		const r = await secondFactor.verify(db, input.userId, input.secret, now);
		result = r.ok ? { ok: true } : r;
	} else {
		method = 'password';
		const rules = [
			{ key: `reauth:${input.userId}`, free: rateLimit.FREE_PER_ACCOUNT, kind: 'delay' as const }
		];
		const reserved = await rateLimit.reserveAttempt(db, rules, now);
		if (!reserved.ok)
			return { ok: false, reason: 'limited', retryAfterSeconds: reserved.retryAfterSeconds };
		const [identity] = await db
			.select({ hash: authIdentity.passwordHash })
			.from(authIdentity)
			.where(and(eq(authIdentity.userId, input.userId), eq(authIdentity.provider, 'password')));
		const valid = !!identity?.hash && (await verifyPassword(identity.hash, input.secret));
		if (valid) await rateLimit.clearAttempts(db, reserved.keys, now);
		result = valid ? { ok: true } : { ok: false, reason: 'invalid' };
	}
	if (!result.ok) {
		if (result.reason === 'invalid' && method === 'password') {
			await audit.record(db, {
				actorId: input.userId,
				clientId: null,
				action: 'auth.sign_in_failed',
				detail: { method: 'reauthenticate' }
			});
		}
		return result;
	}
	await markVerified(db, input.sessionId, now);
	await audit.record(db, {
		actorId: input.userId,
		clientId: null,
		action: 'auth.reauthenticate',
		detail: { method }
	});
	return { ok: true };
}
