import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as home from '$lib/server/domain/home';
import * as surveys from '$lib/server/domain/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	const data = await home.homeOf(locals.db, user.id);
	if (!data) error(404, locals.t('errors.notFound'));
	const survey = await surveys.openInvitationOf(locals.db, user.id);
	return { home: data, survey, fetchedAt: new Date().toISOString() };
};
