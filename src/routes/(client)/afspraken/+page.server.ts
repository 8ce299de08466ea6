import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as plans from '$lib/server/domain/plans';
import * as appointments from '$lib/server/domain/appointments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	const me = await plans.clientOfUser(locals.db, user.id);
	if (!me) error(404, locals.t('errors.notFound'));
	return {
		...(await appointments.appointmentsOfClient(locals.db, me.id)),
		fetchedAt: new Date().toISOString()
	};
};
