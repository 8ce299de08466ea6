import { requireRole } from '$lib/server/kit/guard';
import * as planLanguage from '$lib/server/plans/plan-language';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	return { versions: await planLanguage.planHistoryIn(locals.db, user.id, locals.lang) };
};
