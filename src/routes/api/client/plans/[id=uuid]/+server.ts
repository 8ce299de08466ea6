import { error, json, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as plans from '$lib/server/plans/plans';

/** The signed-in client's own plan, for the offline copy. Anyone else's is a 404. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireRole(locals, 'client');
	const found = await plans.planViewOfUser(locals.db, user.id, locals.lang, params.id!);
	if (!found) error(404, locals.t('errors.notFound'));
	return json(found);
};
