import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as conversation from '$lib/server/messages/conversation';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const [open, standIn, colleagues] = await Promise.all([
		conversation.openConversations(locals.db, staff),
		conversation.standInOf(locals.db, staff.id),
		conversation.colleagues(locals.db, staff)
	]);
	return { open, standIn, colleagues, now: new Date().toISOString() };
};

const standInForm = z.union([
	z.object({ standInId: z.literal(''), until: z.string().max(0).optional() }),
	z.object({ standInId: z.uuid(), until: z.iso.date() })
]);

export const actions: Actions = {
	standIn: async ({ request, locals }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await postedForm(request);
		const values = {
			standInId: String(form.get('standInId') ?? ''),
			until: String(form.get('until') ?? '')
		};
		// Without the field (not this page's form) nothing is changed, not even cleared.
		if (!form.has('standInId')) return fail(400, { values, error: 'until_missing' });
		const parsed = standInForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, error: 'until_missing' });
		const result = await conversation.setStandIn(locals.db, staff, {
			standInId: parsed.data.standInId || null,
			until: parsed.data.until || null
		});
		if (!result.ok) return fail(404, { values, error: result.error });
		return { done: true };
	}
};
