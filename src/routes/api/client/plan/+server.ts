import { json, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as plans from '$lib/server/plans/plans';

/** The signed-in client's current plan with its steps (null when there is none yet). */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireRole(locals, 'client');
	return json(await plans.planViewOfUser(locals.db, user.id, locals.lang));
};
