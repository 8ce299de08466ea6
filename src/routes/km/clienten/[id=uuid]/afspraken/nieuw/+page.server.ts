import { error, redirect } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import { staffAction } from '$lib/server/kit/staff-action';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as appointments from '$lib/server/appointments/appointment-planning';
import { appointmentSchema, toPeriod } from '$lib/server/appointments/appointment-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () =>
		caseload.openClient(locals.db, staff, params.id, 'appointment-new')
	);
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	return { client: header };
};

export const actions: Actions = {
	default: staffAction({
		parse: (form) => parseForm(appointmentSchema, form),
		run: ({ db, staff, params }, { date, start, minutes, ...rest }) =>
			appointments.planAppointment(db, staff, params.id!, {
				...toPeriod({ date, start, minutes }),
				...rest
			}),
		done: (_, { params }) => redirect(303, `/km/clienten/${params.id}`),
		refused: (r) => ({
			errors: fieldError('start', `km.errors.${r.error}`),
			overlaps: 'overlaps' in r ? r.overlaps : []
		})
	})
};
