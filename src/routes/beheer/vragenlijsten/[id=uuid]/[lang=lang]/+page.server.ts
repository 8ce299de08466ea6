import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as surveyAdmin from '$lib/server/surveys/survey-admin';
import type { FieldErrors } from '$lib/forms/errors';
import { languageInfo, type Language } from '$lib/i18n/languages';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

const question = z.string().trim().min(3).max(300);

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, 'admin', url);
	const text = await surveyAdmin.getSurveyText(locals.db, params.id, params.lang);
	if (!text) error(404, locals.t('errors.notFound'));
	return { text, language: params.lang, languageName: languageInfo(params.lang as Language).name };
};

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const current = await surveyAdmin.getSurveyText(locals.db, params.id, params.lang);
		if (!current) error(404, locals.t('errors.notFound'));
		const form = await postedForm(request);
		const values: Record<string, string> = {};
		const errors: FieldErrors = {};
		for (const item of current.items) {
			const raw = String(form.get(`q-${item.code}`) ?? '');
			values[item.code] = raw;
			const parsed = question.safeParse(raw);
			if (!parsed.success)
				errors[item.code] = raw.trim()
					? { key: 'errors.tooLong', values: { max: 300 } }
					: { key: 'errors.required' };
		}
		if (Object.keys(errors).length) return fail(400, { errors, values });
		const questions = Object.fromEntries(
			Object.entries(values).map(([code, text]) => [code, text.trim()])
		);
		const result = await surveyAdmin.saveSurveyText(
			locals.db,
			params.id,
			params.lang,
			questions,
			admin.id
		);
		if (result === 'not-found') error(404, locals.t('errors.notFound'));
		if (result === 'has-answers')
			return fail(409, {
				errors: { form: { key: 'admin.surveys.readOnlyError' } } as FieldErrors,
				values
			});
		return { saved: true };
	},
	check: async ({ locals, url, params }) => {
		const admin = requireRole(locals, 'admin', url);
		if (!(await surveyAdmin.markSurveyTextChecked(locals.db, params.id, params.lang, admin.id)))
			return fail(404, { errors: { form: { key: 'errors.notFound' } } as FieldErrors });
		return { checked: true };
	}
};
