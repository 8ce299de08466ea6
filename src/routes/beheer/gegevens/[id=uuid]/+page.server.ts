import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import type { PageServerLoad } from './$types';

/** A client's data copy made by a functioneel beheerder for a written request (AVG art. 15). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const admin = requireRole(locals, 'admin', url);
	const copy = await dataCopy.staffDataCopy(locals.db, admin, params.id);
	if (!copy) error(404, locals.t('errors.notFound'));
	return {
		name: dataCopy.nameOnCopy(copy),
		back: '/beheer/gegevens',
		file: `/beheer/gegevens/${params.id}/bestand`,
		madeAt: copy.madeAt,
		groups: dataCopy.readableGroups(copy)
	};
};
