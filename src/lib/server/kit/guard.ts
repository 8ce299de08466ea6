/**
 * SvelteKit's side of access: the only server folder (with the rest of kit/) that may turn a
 * refusal into a redirect or an error page. Area modules throw or return values; this maps them.
 */
import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import { AccessDenied } from '../caseload/caseload';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/access';

/** For loads and actions: the signed-in user, or a redirect to the login page. */
export function requireUser(locals: App.Locals, url?: URL): SessionUser {
	if (!locals.user) {
		const next = url ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
		redirect(303, `/login${next}`);
	}
	return locals.user;
}

/** For loads and actions: the user if they hold `role`, else a 403 page in their language. */
export function requireRole(locals: App.Locals, role: Role, url?: URL): SessionUser {
	const user = requireUser(locals, url);
	if (!hasRole(user, role)) error(403, locals.t('errors.forbidden'));
	return user;
}

/** Runs a domain call for staff; a client outside the caseload becomes a 403 page. */
export async function inCaseload<T>(locals: App.Locals, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof AccessDenied) error(403, locals.t('errors.forbidden'));
		throw e;
	}
}
