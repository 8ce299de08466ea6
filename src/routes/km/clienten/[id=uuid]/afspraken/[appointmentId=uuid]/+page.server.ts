import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import { staffAction } from '$lib/server/kit/staff-action';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as appointments from '$lib/server/appointments/appointment-planning';
import { appointmentOfClient } from '$lib/server/appointments/appointment-view';
import { periodSchema, toPeriod } from '$lib/server/appointments/appointment-form';
import { amsterdamClock } from '$lib/server/wall-clock';
import { amsterdamDay } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'appointment'));
	const header = await clientFile.headerOf(locals.db, params.id);
	const appointment = await appointmentOfClient(locals.db, params.id, params.appointmentId);
	if (!header || !appointment) error(404, locals.t('errors.notFound'));
	// The reason of the newest change request is the client's message about this appointment.
	const request =
		(await clientFile.requestsOf(locals.db, params.id)).find(
			(r) => r.appointmentId === params.appointmentId && r.kind === 'appointment_change'
		) ?? null;
	const starts = new Date(appointment.startsAt);
	return {
		client: header,
		appointment,
		request: request && { status: request.status, message: request.message },
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
	move: staffAction({
		parse: (form) => parseForm(periodSchema, form),
		run: ({ db, staff, params }, input) =>
			appointments.moveAppointment(db, staff, params.id!, params.appointmentId!, toPeriod(input)),
		done: () => ({ done: 'moved' as const }),
		refused: (r) => ({
			errors: fieldError('start', `km.errors.${r.error}`),
			overlaps: 'overlaps' in r ? r.overlaps : []
		})
	}),
	cancel: staffAction({
		run: ({ db, staff, params }) =>
			appointments.cancelAppointment(db, staff, params.id!, params.appointmentId!),
		done: () => ({ done: 'cancelled' as const }),
		refused: (r) => ({ errors: fieldError('status', `km.errors.${r.error}`) })
	}),
	held: staffAction({
		run: ({ db, staff, params }) =>
			appointments.markHeld(db, staff, params.id!, params.appointmentId!),
		done: () => ({ done: 'held' as const }),
		refused: (r) => ({ errors: fieldError('status', `km.errors.${r.error}`) })
	})
};
