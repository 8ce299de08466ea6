import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as appointments from '$lib/server/appointments/appointment-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'client', url);
	const me = locals.client;
	if (!me) error(404, locals.t('errors.notFound'));
	return {
		...(await appointments.appointmentsOfClient(locals.db, me.id)),
		fetchedAt: new Date().toISOString()
	};
};
