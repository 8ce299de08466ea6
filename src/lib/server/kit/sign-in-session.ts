import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { env } from '../env';
import { user } from '../db/schema';
import { createSession, invalidateSession, lifetimeFor } from '../auth/session';
import { mustGiveSecondFactor } from '../auth/second-factor';
import { setSessionCookie } from './cookie';
import { safeNext, startPage } from '../auth/access';
import * as audit from '../audit/audit';

/** How a person proved who they are. A password alone is audited where it is checked. */
export type SignInMethod =
	'password' | 'demo' | 'oidc' | 'activation' | 'totp' | 'recovery' | 'passkey';

/** The second-factor page, carrying where to go afterwards (only a plain same-origin path). */
export function secondFactorPage(next: string | null | undefined): string {
	const safe = safeNext(next);
	return `/login/tweede-stap${safe ? `?next=${encodeURIComponent(safe)}` : ''}`;
}

/**
 * Starts a fresh session for `userId` (any old one is ended, so a session id can never be
 * fixed before sign-in) and returns the page to land on. A staff member who signed in with a
 * password gets half a session instead: it opens only the second-factor page (#14).
 */
export async function startSession(
	locals: App.Locals,
	cookies: Cookies,
	userId: string,
	method: SignInMethod
): Promise<string> {
	if (locals.session) await invalidateSession(locals.db, locals.session.id);
	if (locals.pendingSignIn) await invalidateSession(locals.db, locals.pendingSignIn.sessionId);
	const [row] = await locals.db.select({ roles: user.roles }).from(user).where(eq(user.id, userId));
	const roles = row?.roles ?? [];
	const pending = method === 'password' && mustGiveSecondFactor(roles);
	const { token, expiresAt } = await createSession(
		locals.db,
		userId,
		lifetimeFor(env().sessionLimits, roles),
		new Date(),
		{ secondFactorPending: pending }
	);
	setSessionCookie(cookies, token, expiresAt);
	if (method !== 'password') {
		await audit.record(locals.db, {
			actorId: userId,
			clientId: null,
			action: method === 'activation' ? 'activation.redeem' : 'auth.sign_in',
			detail: { method }
		});
	}
	return pending ? secondFactorPage(null) : startPage(roles);
}
