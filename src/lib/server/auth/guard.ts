import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';
import { hasRole } from './access';

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
