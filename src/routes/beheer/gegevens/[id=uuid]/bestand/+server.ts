import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import { dataCopyFile } from '$lib/server/kit/data-copy-file';
import { amsterdamDay } from '$lib/dates';
import type { RequestHandler } from './$types';

/** The same copy as a JSON file, for a written request (AVG art. 15 and 20). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const admin = requireRole(locals, 'admin');
	const copy = await dataCopy.staffDataCopy(locals.db, admin, params.id);
	if (!copy) error(404, locals.t('errors.notFound'));
	return dataCopyFile(copy, `wegwijs-gegevens-${params.id}-${amsterdamDay()}.json`);
};
