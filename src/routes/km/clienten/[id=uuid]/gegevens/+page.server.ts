import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import type { PageServerLoad } from './$types';

/** The client's data copy made by their klantmanager for a written request (AVG art. 15). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const copy = await inCaseload(locals, () => dataCopy.staffDataCopy(locals.db, staff, params.id));
	if (!copy) error(404, locals.t('errors.notFound'));
	return {
		name: dataCopy.nameOnCopy(copy),
		back: `/km/clienten/${params.id}`,
		file: `/km/clienten/${params.id}/gegevens/bestand`,
		madeAt: copy.madeAt,
		groups: dataCopy.readableGroups(copy)
	};
};
