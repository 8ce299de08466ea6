import { error, redirect } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as drafts from '$lib/server/plans/plan-drafts';
import * as planLanguage from '$lib/server/plans/plan-language';
import * as conversation from '$lib/server/messages/conversation';
import { staffAction } from '$lib/server/kit/staff-action';
import { parseForm } from '$lib/forms/form-data';
import { fieldError, type FieldErrors } from '$lib/forms/errors';
import { parsePlanForm } from '$lib/forms/plan-form';
import { applyTemplateSchema, createPlanSchema } from '$lib/forms/km-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'plan'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	const editor = await drafts.editorOf(locals.db, params.id);
	// Questions and disagreements about a shared version that wait for an answer.
	const planQuestions = editor.plan
		? await conversation.planVersionsWaiting(locals.db, editor.plan.id)
		: [];
	return {
		client: header,
		...editor,
		planQuestions,
		translations: await planLanguage.translationsOf(locals.db, params.id)
	};
};

export const actions: Actions = {
	create: staffAction({
		parse: (form) => parseForm(createPlanSchema, form),
		run: ({ db, staff, params }, input) =>
			drafts.createPlan(db, staff, { clientId: params.id!, templateId: input.templateId || null }),
		done: (_, { params }) => redirect(303, `/km/clienten/${params.id}/plan`),
		refused: (r) => ({ errors: fieldError('templateId', `km.errors.${r.error}`) })
	}),
	template: staffAction({
		// Every field but the template is hidden: any problem is "choose a template".
		parse: (form) => {
			const parsed = parseForm(applyTemplateSchema, form);
			return parsed.ok
				? parsed
				: { ...parsed, errors: fieldError('templateId', 'errors.required') };
		},
		run: ({ db, staff, params }, input) => drafts.applyTemplate(db, staff, params.id!, input),
		done: () => ({ saved: true }),
		refused: (r) =>
			r.error === 'conflict' && 'theirs' in r
				? { conflict: true, theirs: r.theirs }
				: { status: 400, errors: fieldError('templateId', `km.errors.${r.error}`) }
	}),
	save: staffAction({
		parse: parsePlanForm,
		run: async ({ db, staff, params }, { input, op }) => {
			if (op.op === 'share') return drafts.saveAndShare(db, staff, params.id!, input);
			return drafts.saveDraft(db, staff, params.id!, {
				...input,
				steps: drafts.applyOp(input.steps, op)
			});
		},
		done: (r) => ('version' in r ? { shared: r.version } : { saved: true }),
		refused: (r, _, { input }) => refusal(r, input)
	}),
	/** A translation of one shared step into the client's language; the typed text is kept. */
	translate: staffAction({
		tag: { form: 'translate' },
		parse: (form) => parseForm(planLanguage.stepTranslationInput, form),
		run: ({ db, staff, params }, input) =>
			planLanguage.addStepTranslation(db, staff, params.id!, input),
		done: (r, { form }) => ({ translated: String(form.get('stepId')), language: r.language }),
		refused: (r) => ({
			status: 400 as const,
			errors: fieldError('text', `km.translations.${r.error}`)
		})
	})
};

/** A refused save or share, as the builder shows it. */
function refusal(
	result: Exclude<drafts.SaveAndShareResult, { ok: true }>,
	input: drafts.DraftInput
) {
	if (result.error === 'conflict' && 'theirs' in result) {
		// Both versions go back: theirs to read, ours in the form on top of their revision.
		return {
			conflict: true,
			theirs: result.theirs,
			mine: { ...input, version: result.theirs.version, revision: result.theirs.revision }
		};
	}
	if (result.error === 'conflict') return { conflict: true };
	if (result.error === 'problems') {
		const errors: FieldErrors = {};
		for (const [field, key] of Object.entries(result.problems)) errors[field] = { key };
		return { status: 400 as const, errors };
	}
	if (result.error === 'not_offered')
		return {
			status: 400 as const,
			errors: fieldError(`instrument-${result.step}`, 'km.errors.not_offered')
		};
	return { errors: fieldError('goal', `km.errors.${result.error}`) };
}
