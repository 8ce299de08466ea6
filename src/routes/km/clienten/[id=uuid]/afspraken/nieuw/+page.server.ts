import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, parseForm, type FieldErrors } from '$lib/server/forms';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as appointments from '$lib/server/appointments/appointments';
import { appointmentSchema, toPeriod } from '$lib/server/appointments/appointment-form';
import { inCaseload } from '$lib/server/caseload/guard';
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
	default: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(appointmentSchema, form);
		if (!parsed.ok)
			return fail(400, { errors: parsed.errors, values: parsed.values, overlaps: [] });
		const { date, start, minutes, ...rest } = parsed.data;
		const result = await inCaseload(locals, () =>
			appointments.planAppointment(locals.db, staff, params.id, {
				...toPeriod({ date, start, minutes }),
				...rest
			})
		);
		if (!result.ok) {
			return fail(409, {
				errors: { start: { key: `km.errors.${result.error}` } } as FieldErrors,
				values: formValues(form),
				overlaps: 'overlaps' in result ? result.overlaps : []
			});
		}
		redirect(303, `/km/clienten/${params.id}`);
	}
};
