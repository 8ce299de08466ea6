import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as appointments from '$lib/server/appointments/appointment-view';
import * as conversation from '$lib/server/messages/conversation';
import { newIdempotencyKey, submitClientAction } from '$lib/server/kit/client-action-form';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireRole(locals, 'client', url);
	const me = locals.client;
	const found = me && (await appointments.appointmentOfClient(locals.db, me.id, params.id));
	if (!found) error(404, locals.t('errors.notFound'));
	return {
		appointment: found,
		// Change requests and questions about this appointment, with the answers.
		thread: await conversation.messagesAbout(locals.db, user.id, found.id),
		formKey: newIdempotencyKey(),
		fetchedAt: new Date().toISOString()
	};
};

const changeForm = z.object({
	kind: z.enum(['cannot_come', 'other_time']),
	reason: z.string()
});

export const actions: Actions = {
	change: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'client');
		const form = await postedForm(request);
		const values = {
			reason: String(form.get('reason') ?? ''),
			kind: String(form.get('kind') ?? '')
		};
		const parsed = changeForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, error: 'invalid' });
		return submitClientAction(
			locals,
			user.id,
			form,
			{ type: 'change', appointmentId: params.id, ...parsed.data },
			values
		);
	}
};
