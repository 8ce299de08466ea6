import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as surveys from '$lib/server/surveys/surveys';
import { newIdempotencyKey, submitClientAction } from '$lib/server/kit/client-action-form';
import { readSurveyStep } from '$lib/server/surveys/survey-form';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireRole(locals, 'client', url);
	const survey = await surveys.surveyOfInvitation(locals.db, {
		userId: user.id,
		invitationId: params.id,
		lang: locals.lang
	});
	if (!survey) error(404, locals.t('errors.notFound'));
	return { survey, formKey: newIdempotencyKey(), fetchedAt: new Date().toISOString() };
};

export const actions: Actions = {
	// Without JavaScript each screen posts here; the answers so far travel in hidden fields.
	answer: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'client');
		const survey = await surveys.surveyOfInvitation(locals.db, {
			userId: user.id,
			invitationId: params.id,
			lang: locals.lang
		});
		if (!survey) error(404, locals.t('errors.notFound'));
		const form = await postedForm(request);
		const step = readSurveyStep(survey.items, form);
		if (!step.ok) return fail(400, step.state);
		if (!step.send) return step.state;
		const result = await submitClientAction(locals, user.id, form, {
			type: 'survey',
			invitationId: survey.invitationId,
			answers: step.state.answers,
			open: step.state.open || null,
			language: survey.language
		});
		return 'status' in result ? fail(result.status, { ...step.state, ...result.data }) : result;
	}
};
