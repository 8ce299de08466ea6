import { requireRole } from '$lib/server/kit/guard';
import * as plans from '$lib/server/plans/plans';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	return { versions: (await plans.planHistory(locals.db, user.id)) ?? [] };
};
