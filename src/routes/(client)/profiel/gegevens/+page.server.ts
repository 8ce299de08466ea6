import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import type { PageServerLoad } from './$types';

/** Everything Wegwijs holds about the signed-in client, readable (AVG art. 15). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	if (!locals.client) error(404);
	const copy = await dataCopy.dataCopy(locals.db, locals.client.id, { actorId: user.id });
	if (!copy) error(404);
	// Dates as ISO text, so the page shows exactly what the JSON file holds.
	return { madeAt: copy.madeAt, groups: dataCopy.readableGroups(copy) };
};
