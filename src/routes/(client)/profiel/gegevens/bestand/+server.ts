import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import { dataCopyFile } from '$lib/server/kit/data-copy-file';
import { amsterdamDay } from '$lib/dates';
import type { RequestHandler } from './$types';

/** The same copy as a JSON file to keep or take elsewhere (AVG art. 20). */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireRole(locals, 'client');
	if (!locals.client) error(404);
	const copy = await dataCopy.dataCopy(locals.db, locals.client.id, { actorId: user.id });
	if (!copy) error(404);
	return dataCopyFile(copy, `wegwijs-mijn-gegevens-${amsterdamDay()}.json`);
};
