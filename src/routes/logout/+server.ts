import { redirect, type RequestHandler } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/session';
import { endImportPolls } from '$lib/server/import/jobs';
import { clearSessionCookie } from '$lib/server/kit/cookie';

/** Ends the session on the server, not only in the browser. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.session) {
		await signOut(locals.db, locals.session.id, locals.session.userId);
		// A running import's progress poll skips the database (import/jobs.ts): end it too.
		endImportPolls(locals.session.userId);
	}
	// Half a sign-in (second factor not given) ends the same way.
	if (locals.pendingSignIn)
		await signOut(locals.db, locals.pendingSignIn.sessionId, locals.pendingSignIn.user.id);
	clearSessionCookie(cookies);
	// Clear-Site-Data wipes what this person left in the browser: caches and storage.
	return new Response(null, {
		status: 303,
		headers: { location: '/login', 'Clear-Site-Data': '"cache", "storage"' }
	});
};

export const GET: RequestHandler = () => redirect(303, '/login');
