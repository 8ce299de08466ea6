import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, parseForm, type FieldErrors } from '$lib/server/forms';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as appointments from '$lib/server/appointments/appointments';
import { periodSchema, toPeriod } from '$lib/server/appointments/appointment-form';
import { inCaseload } from '$lib/server/caseload/guard';
import { amsterdamClock } from '$lib/server/wall-clock';
import { amsterdamDay } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'appointment'));
	const header = await clientFile.headerOf(locals.db, params.id);
	const appointment = await appointments.appointmentOfClient(
		locals.db,
		params.id,
		params.appointmentId
	);
	if (!header || !appointment) error(404, locals.t('errors.notFound'));
	const starts = new Date(appointment.startsAt);
	return {
		client: header,
		appointment,
		period: {
			date: amsterdamDay(starts),
			start: amsterdamClock(starts),
			minutes: String(
				Math.round((new Date(appointment.endsAt).getTime() - starts.getTime()) / 60_000)
			)
		},
		started: starts.getTime() <= Date.now()
	};
};

export const actions: Actions = {
	move: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(periodSchema, form);
		if (!parsed.ok)
			return fail(400, { errors: parsed.errors, values: parsed.values, overlaps: [] });
		const result = await inCaseload(locals, () =>
			appointments.moveAppointment(
				locals.db,
				staff,
				params.id,
				params.appointmentId,
				toPeriod(parsed.data)
			)
		);
		if (!result.ok)
			return fail(409, {
				errors: { start: { key: `km.errors.${result.error}` } } as FieldErrors,
				values: formValues(form),
				overlaps: 'overlaps' in result ? result.overlaps : []
			});
		return { done: 'moved' };
	},
	cancel: async ({ locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const result = await inCaseload(locals, () =>
			appointments.cancelAppointment(locals.db, staff, params.id, params.appointmentId)
		);
		if (!result.ok)
			return fail(409, { errors: { status: { key: `km.errors.${result.error}` } } as FieldErrors });
		return { done: 'cancelled' };
	},
	held: async ({ locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const result = await inCaseload(locals, () =>
			appointments.markHeld(locals.db, staff, params.id, params.appointmentId)
		);
		if (!result.ok)
			return fail(409, { errors: { status: { key: `km.errors.${result.error}` } } as FieldErrors });
		return { done: 'held' };
	}
};
