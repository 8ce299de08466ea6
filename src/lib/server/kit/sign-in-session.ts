import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { env } from '../env';
import { user } from '../db/schema';
import { createSession, invalidateSession } from '../auth/session';
import { setSessionCookie } from './cookie';
import { startPage } from '../auth/access';

/**
 * Starts a fresh session for `userId` (any old one is ended, so a session id can never be
 * fixed before sign-in) and returns the page to land on.
 */
export async function startSession(
	locals: App.Locals,
	cookies: Cookies,
	userId: string
): Promise<string> {
	if (locals.session) await invalidateSession(locals.db, locals.session.id);
	const { token, expiresAt } = await createSession(locals.db, userId, env().SESSION_DAYS);
	setSessionCookie(cookies, token, expiresAt);
	const [row] = await locals.db.select({ roles: user.roles }).from(user).where(eq(user.id, userId));
	return startPage(row?.roles ?? []);
}
