import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import type { FieldErrors } from '$lib/forms/errors';
import * as intake from '$lib/server/intake/intake';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	return { ...(await intake.intakeChoices(locals.db, staff)), me: staff.id };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await postedForm(request);
		const parsed = parseForm(intake.intakeSchema, form);
		if (!parsed.ok) {
			const errors = await intake.explainIntakeErrors(
				locals.db,
				staff,
				parsed.errors,
				parsed.values
			);
			return fail(400, { errors, values: parsed.values });
		}
		const result = await intake.registerClient(locals.db, staff, parsed.data);
		if (!result.ok) {
			const values: Record<string, string> = {};
			for (const [k, v] of form) if (typeof v === 'string' && k !== 'otherPerson') values[k] = v;
			const errors: FieldErrors = {
				[result.field]: {
					key: `intake.errors.${result.error}`,
					values: 'clientNumber' in result ? { number: result.clientNumber } : undefined
				}
			};
			return fail(409, {
				errors,
				values,
				possibleDuplicate: result.error === 'possible_duplicate'
			});
		}
		redirect(303, `/km/clienten/${result.clientId}/activatie?nieuw=1`);
	}
};
