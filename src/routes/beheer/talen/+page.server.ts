import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as languageOffer from '$lib/server/content/language-offer';
import * as staffAdmin from '$lib/server/staff/staff-admin';
import { parseForm } from '$lib/forms/form-data';
import type { FieldErrors } from '$lib/forms/errors';
import { LANGUAGE_CODES, LANGUAGES } from '$lib/i18n/languages';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

const schema = z.object({
	gemeente: z.string().regex(/^[a-z0-9-]{1,40}$/),
	languages: z.array(z.enum(LANGUAGE_CODES)).max(LANGUAGE_CODES.length)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	return {
		gemeenten: await languageOffer.gemeenteLanguages(locals.db),
		languages: LANGUAGES.map((l) => ({ code: l.code, name: l.name }))
	};
};

const newGemeenteSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'errors.invalid')
		.max(40),
	name: z.string().trim().min(2).max(80)
});

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		requireRole(locals, 'admin', url);
		const form = parseForm(newGemeenteSchema, await postedForm(request));
		if (!form.ok) return fail(400, { addErrors: form.errors, addValues: form.values });
		if (!(await staffAdmin.addGemeente(locals.db, form.data.code, form.data.name, locals.user!.id)))
			return fail(409, {
				addErrors: { code: { key: 'admin.gemeenten.exists' } } as FieldErrors,
				addValues: form.data as Record<string, string>
			});
		return { added: form.data.name };
	},

	languages: async ({ locals, url, request }) => {
		requireRole(locals, 'admin', url);
		const form = await postedForm(request);
		const parsed = schema.safeParse({
			gemeente: form.get('gemeente'),
			languages: form.getAll('languages')
		});
		if (!parsed.success) return fail(400, { error: 'errors.invalid' });
		const { gemeente, languages } = parsed.data;
		if (!(await languageOffer.setGemeenteLanguages(locals.db, gemeente, languages)))
			return fail(404, { error: 'errors.notFound' });
		return { saved: gemeente };
	}
};
