import { error, json, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as plans from '$lib/server/domain/plans';

/** The signed-in client's current plan with its steps (null when there is none yet). */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireRole(locals, 'client');
	const me = await plans.clientOfUser(locals.db, user.id);
	if (!me) error(404, locals.t('errors.notFound'));
	const current = await plans.currentPlanOfClient(locals.db, me.id);
	return json(
		current ? await plans.planForClientUser(locals.db, user.id, current.id, locals.lang) : null
	);
};
