import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as retention from '$lib/server/retention/terms';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	return {
		gemeenten: await retention.listTerms(locals.db),
		kinds: retention.RETENTION_KIND_LIST,
		defaults: retention.RETENTION_DEFAULTS
	};
};

const formSchema = retention.termsSchema.extend({ gemeenteId: z.uuid() });

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(formSchema, await postedForm(request));
		if (!form.ok)
			return fail(400, {
				gemeenteId: form.values.gemeenteId ?? '',
				errors: form.errors,
				values: form.values
			});
		const { gemeenteId, ...terms } = form.data;
		const r = await retention.setTerms(locals.db, admin.id, gemeenteId, terms);
		if (!r.ok)
			return fail(404, {
				gemeenteId,
				errors: fieldError('form', 'errors.notFound'),
				values: Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, String(v)]))
			});
		return { saved: gemeenteId };
	}
};
