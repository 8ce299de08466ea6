import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as surveyAdmin from '$lib/server/surveys/survey-admin';
import * as settings from '$lib/server/staff/settings';
import { env } from '$lib/server/env';
import { LANGUAGES } from '$lib/i18n/languages';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

const idSchema = z.object({ id: z.uuid() });

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	return {
		surveys: await surveyAdmin.listSurveys(locals.db),
		cadence: await settings.surveyCadence(locals.db, env().SURVEY_PERIODIC_MONTHS),
		languages: LANGUAGES.map((l) => ({ code: l.code, name: l.name }))
	};
};

export const actions: Actions = {
	cadence: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const raw = String((await postedForm(request)).get('months') ?? '');
		const parsed = settings.cadenceSchema.safeParse(raw.trim() === '' ? undefined : raw);
		if (!parsed.success)
			return fail(400, { cadenceError: 'admin.surveys.cadenceError', months: raw });
		await settings.setSurveyCadence(locals.db, parsed.data, admin.id);
		return { cadenceSaved: parsed.data };
	},
	copy: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const parsed = idSchema.safeParse(Object.fromEntries(await postedForm(request)));
		if (!parsed.success) return fail(400, { error: 'errors.invalid' });
		const id = await surveyAdmin.newVersion(locals.db, parsed.data.id, admin.id);
		if (!id) return fail(404, { error: 'errors.notFound' });
		redirect(303, `/beheer/vragenlijsten/${id}/nl`);
	},
	activate: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const parsed = idSchema.safeParse(Object.fromEntries(await postedForm(request)));
		if (!parsed.success) return fail(400, { error: 'errors.invalid' });
		if (!(await surveyAdmin.activate(locals.db, parsed.data.id, admin.id)))
			return fail(404, { error: 'errors.notFound' });
		return { activated: parsed.data.id };
	}
};
