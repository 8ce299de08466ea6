import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as plans from '$lib/server/plans/plans';
import * as conversation from '$lib/server/messages/conversation';
import { submitClientAction, newIdempotencyKey } from '$lib/server/kit/client-action-form';
import { amsterdamDay, showDate } from '$lib/dates';
import { translatorFor } from '$lib/i18n/messages.server';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	const plan = await plans.planViewOfUser(locals.db, user.id, locals.lang);
	// Questions about the plan and its steps, with the answers, shown where they were asked.
	const about: conversation.MessageView[] = plan
		? await conversation.messagesAboutPlan(locals.db, user.id, plan.id)
		: [];
	// Dutch words for the Dutch copy that prints after the plan (for whoever helps the client).
	const nl = translatorFor('nl');
	// Its dates are written here: the page has only the date names of the client's language.
	const dutchCopy =
		locals.lang === 'nl'
			? null
			: {
					title: nl('plan.title'),
					goal: nl('plan.goal'),
					steps: nl('plan.todo'),
					dueDates: Object.fromEntries(
						(plan?.steps ?? []).flatMap((s) =>
							s.dueDate ? [[s.id, showDate('nl', s.dueDate, 'medium')]] : []
						)
					)
				};
	return {
		plan,
		dutchCopy,
		about,
		today: amsterdamDay(),
		formKey: newIdempotencyKey(),
		fetchedAt: new Date().toISOString()
	};
};

const stepForm = z.object({
	stepId: z.uuid(),
	// Absent: "Notitie opslaan", the status stays as it is.
	done: z
		.enum(['true', 'false'])
		.transform((v) => v === 'true')
		.optional(),
	note: z.string().optional(),
	seenVersion: z.coerce.number().int().min(1).optional()
});

const agreeForm = z.object({ planId: z.uuid(), version: z.coerce.number().int().min(1) });

export const actions: Actions = {
	step: async ({ request, locals }) => {
		const user = requireRole(locals, 'client');
		const form = await postedForm(request);
		const parsed = stepForm.safeParse(Object.fromEntries(form));
		const note = String(form.get('note') ?? '');
		if (!parsed.success) return fail(400, { values: { note }, error: 'invalid' });
		return submitClientAction(locals, user.id, form, { type: 'step', ...parsed.data }, { note });
	},
	agree: async ({ request, locals }) => {
		const user = requireRole(locals, 'client');
		const form = await postedForm(request);
		const parsed = agreeForm.safeParse(Object.fromEntries(form));
		if (!parsed.success) return fail(400, { error: 'invalid' });
		return submitClientAction(locals, user.id, form, { type: 'agree', ...parsed.data });
	}
};
