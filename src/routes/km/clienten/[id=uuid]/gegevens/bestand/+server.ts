import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import { dataCopyFile } from '$lib/server/kit/data-copy-file';
import { amsterdamDay } from '$lib/dates';
import type { RequestHandler } from './$types';

/** The same copy as a JSON file, for a written request (AVG art. 15 and 20). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const staff = requireRole(locals, 'klantmanager');
	const copy = await inCaseload(locals, () => dataCopy.staffDataCopy(locals.db, staff, params.id));
	if (!copy) error(404, locals.t('errors.notFound'));
	return dataCopyFile(copy, `wegwijs-gegevens-${params.id}-${amsterdamDay()}.json`);
};
