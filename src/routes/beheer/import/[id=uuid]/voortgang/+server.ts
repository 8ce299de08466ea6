import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { importJob } from '$lib/server/import/jobs';
import type { RequestHandler } from './$types';

/** How far a running import is, for the upload page's bar (with JavaScript). */
export const GET: RequestHandler = ({ locals, params }) => {
	const admin = requireRole(locals, 'admin');
	const job = importJob(params.id, admin.id);
	if (!job) error(404, locals.t('errors.notFound'));
	return json(
		job.state === 'running'
			? { state: job.state, rows: job.rows, totalRows: job.totalRows }
			: { state: job.state },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
