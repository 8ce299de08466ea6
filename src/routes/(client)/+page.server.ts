import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as home from '$lib/server/client/home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	const data = await home.homeOf(locals.db, user.id, locals.lang);
	if (!data) error(404, locals.t('errors.notFound'));
	const { survey, ...rest } = data;
	return { home: rest, survey, fetchedAt: new Date().toISOString() };
};
