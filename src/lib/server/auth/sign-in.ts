import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { authIdentity, user } from '../db/schema';
import { verifyAgainstDummy, verifyPassword } from './password';
import * as rateLimit from './rate-limit';

export type SignInResult =
	{ ok: true; userId: string } | { ok: false; reason: 'invalid' | 'limited' };

/**
 * Password sign-in for staff (e-mail) and clients (client number). Unknown accounts and wrong
 * passwords give the same answer in about the same time.
 */
export async function signInWithPassword(
	db: Db,
	input: { identifier: string; password: string; address: string }
): Promise<SignInResult> {
	const identifier = input.identifier.trim().toLowerCase();
	if (await rateLimit.isLimited(db, identifier, input.address)) {
		return { ok: false, reason: 'limited' };
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
	if (!identity || !valid) {
		await rateLimit.recordFailure(db, identifier, input.address);
		return { ok: false, reason: 'invalid' };
	}
	await rateLimit.clearAccountFailures(db, identifier);
	return { ok: true, userId: identity.userId };
}
