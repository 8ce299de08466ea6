import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { importJob } from '$lib/server/import/jobs';
import type { RequestHandler } from './$types';

/** How far a running import is, then its result, for the upload page (with JavaScript). */
export const GET: RequestHandler = ({ locals, params }) => {
	const admin = requireRole(locals, 'admin');
	const job = importJob(params.id, admin.id);
	if (!job) error(404, locals.t('errors.notFound'));
	// Running: the rows done; done: the result (the page shows it in place); failed: only that.
	return json(job, { headers: { 'cache-control': 'no-store' } });
};
