import { json, type RequestHandler } from '@sveltejs/kit';
import { env } from '$lib/server/env';
import { isStaffRoles } from '$lib/server/auth/session';

/**
 * "Blijf ingelogd" (#14): the request itself moves the session's idle clock (the hook touches
 * it); the answer says how long the person may now stay idle.
 */
export const GET: RequestHandler = ({ locals }) => {
	if (!locals.user || !locals.session)
		return json({ message: locals.t('errors.forbidden') }, { status: 401 });
	const limits = env().sessionLimits;
	const idleMs = isStaffRoles(locals.user.roles) ? limits.staff.idleMs : limits.client.idleMs;
	return json(
		{ idleSeconds: Math.round(idleMs / 1000), expiresAt: locals.session.expiresAt.toISOString() },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
