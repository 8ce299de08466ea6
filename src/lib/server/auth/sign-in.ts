import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { authIdentity, user } from '../db/schema';
import { verifyAgainstDummy, verifyPassword } from './password';
import * as rateLimit from './rate-limit';
import * as audit from '../audit/audit';

export type SignInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * Password sign-in for staff (e-mail) and clients (client number). Unknown accounts and wrong
 * passwords give the same answer in about the same time.
 */
export async function signInWithPassword(
	db: Db,
	input: { identifier: string; password: string; address: string; now?: Date }
): Promise<SignInResult> {
	const identifier = input.identifier.trim().toLowerCase();
	const now = input.now ?? new Date();
	// Reserved before the slow check: parallel guesses are counted before any is evaluated.
	const reserved = await rateLimit.reserveAttempt(
		db,
		rateLimit.signInRules(identifier, input.address),
		now
	);
	if (!reserved.ok) {
		await audit.record(db, {
			actorId: null,
			clientId: null,
			action: 'auth.sign_in_limited',
			detail: { method: 'password' }
		});
		return { ok: false, reason: 'limited', retryAfterSeconds: reserved.retryAfterSeconds };
	}
	const [identity] = await db
		.select({ userId: authIdentity.userId, passwordHash: authIdentity.passwordHash })
		.from(authIdentity)
		.innerJoin(user, eq(user.id, authIdentity.userId))
		.where(
			and(
				eq(authIdentity.provider, 'password'),
				eq(authIdentity.subject, identifier),
				isNull(user.disabledAt)
			)
		)
		.limit(1);
	const valid = identity?.passwordHash
		? await verifyPassword(identity.passwordHash, input.password)
		: (await verifyAgainstDummy(input.password), false);
	// A failure leaves its reservation standing: that is the count.
	if (!identity || !valid) {
		// The account when it exists (its owner may want to know); never the password typed.
		await audit.record(db, {
			actorId: identity?.userId ?? null,
			clientId: null,
			action: 'auth.sign_in_failed',
			detail: { method: 'password' }
		});
		return { ok: false, reason: 'invalid' };
	}
	await rateLimit.clearAttempts(db, reserved.keys, now);
	await audit.record(db, {
		actorId: identity.userId,
		clientId: null,
		action: 'auth.sign_in',
		detail: { method: 'password' }
	});
	return { ok: true, userId: identity.userId };
}
