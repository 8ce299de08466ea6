import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, parseForm, type FieldErrors } from '$lib/server/forms';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as appointments from '$lib/server/appointments/appointments';
import { inCaseload } from '$lib/server/caseload/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const file = await inCaseload(locals, () => clientFile.openFile(locals.db, staff, params.id));
	if (!file) error(404, locals.t('errors.notFound'));
	const lead = await caseload.isTeamLead(locals.db, staff);
	const team = lead ? await caseload.teamMembers(locals.db, staff) : [];
	return { file, team };
};

const answerSchema = z.object({
	requestId: z.uuid(),
	status: z.enum(['accepted', 'declined', 'answered']),
	answer: z.string().trim().max(appointments.ANSWER_MAX)
});
const moveSchema = z.object({ to: z.uuid('errors.required') });

export const actions: Actions = {
	answer: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(answerSchema, form);
		if (!parsed.ok)
			return fail(400, { form: 'answer', errors: parsed.errors, values: parsed.values });
		const result = await inCaseload(locals, () =>
			appointments.answerRequest(locals.db, staff, params.id, parsed.data)
		);
		if (!result.ok)
			return fail(409, {
				form: 'answer',
				errors: { answer: { key: `km.errors.${result.error}` } } as FieldErrors,
				values: formValues(form)
			});
		return { form: 'answer', done: true };
	},
	move: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(moveSchema, form);
		if (!parsed.ok)
			return fail(400, { form: 'move', errors: parsed.errors, values: parsed.values });
		const result = await inCaseload(locals, () =>
			caseload.moveClient(locals.db, staff, {
				clientId: params.id,
				toKlantmanagerId: parsed.data.to
			})
		);
		if (!result.ok)
			return fail(409, {
				form: 'move',
				errors: { to: { key: `km.errors.${result.error}` } } as FieldErrors,
				values: formValues(form)
			});
		return { form: 'move', done: true };
	}
};
