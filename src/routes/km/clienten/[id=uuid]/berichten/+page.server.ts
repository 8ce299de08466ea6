import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { inCaseload } from '$lib/server/caseload/guard';
import * as conversation from '$lib/server/messages/conversation';
import { MESSAGE_MAX } from '$lib/actions/schema';
import type { Actions, PageServerLoad } from './$types';

// The klantmanager, the team lead or a stand-in reads (audited) and answers. Reading writes
// nothing but the audit line; "read" is a POST the page sends once it is shown.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const conv = await inCaseload(locals, () =>
		conversation.conversationForStaff(locals.db, staff, params.id)
	);
	return { clientId: params.id, ...conv };
};

const replyForm = z.object({
	body: z.string(),
	replyTo: z.union([z.literal(''), z.uuid()]).optional()
});
const readForm = z.object({ upTo: z.uuid() });

export const actions: Actions = {
	reply: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const values = {
			body: String(form.get('body') ?? ''),
			replyTo: String(form.get('replyTo') ?? '')
		};
		const parsed = replyForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, error: 'not_found' });
		if ([...parsed.data.body.trim()].length > MESSAGE_MAX) {
			return fail(422, { values, error: 'message_too_long' });
		}
		const result = await inCaseload(locals, () =>
			conversation.reply(locals.db, staff, params.id, {
				body: parsed.data.body,
				replyTo: parsed.data.replyTo || null
			})
		);
		if (!result.ok)
			return fail(result.error === 'not_found' ? 404 : 422, { values, error: result.error });
		return { sent: true };
	},
	read: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const parsed = readForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { error: 'not_found' });
		const marked = await inCaseload(locals, () =>
			conversation.markReadByStaff(locals.db, staff, params.id, parsed.data.upTo)
		);
		return { marked };
	}
};
