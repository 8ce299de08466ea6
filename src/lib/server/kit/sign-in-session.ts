import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { env } from '../env';
import { user } from '../db/schema';
import { createSession, invalidateSession, lifetimeFor } from '../auth/session';
import { setSessionCookie } from './cookie';
import { startPage } from '../auth/access';
import * as audit from '../audit/audit';

/**
 * Starts a fresh session for `userId` (any old one is ended, so a session id can never be
 * fixed before sign-in) and returns the page to land on.
 */
export async function startSession(
	locals: App.Locals,
	cookies: Cookies,
	userId: string,
	/** How they proved who they are; a password sign-in is audited where it is checked. */
	method: 'password' | 'demo' | 'oidc' | 'activation'
): Promise<string> {
	if (locals.session) await invalidateSession(locals.db, locals.session.id);
	const [row] = await locals.db.select({ roles: user.roles }).from(user).where(eq(user.id, userId));
	const roles = row?.roles ?? [];
	const { token, expiresAt } = await createSession(
		locals.db,
		userId,
		lifetimeFor(env().sessionLimits, roles)
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
	return startPage(roles);
}
