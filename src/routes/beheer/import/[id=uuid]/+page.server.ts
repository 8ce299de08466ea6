import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { importJob } from '$lib/server/import/jobs';
import type { PageServerLoad } from './$types';

/** An import started from /beheer/import: how far the server is, then the result. */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const admin = requireRole(locals, 'admin', url);
	const job = importJob(params.id, admin.id);
	if (!job) error(404, locals.t('errors.notFound'));
	return { job };
};
