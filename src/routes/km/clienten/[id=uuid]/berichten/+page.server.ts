import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { inCaseload } from '$lib/server/kit/guard';
import * as conversation from '$lib/server/messages/conversation';
import { once } from '$lib/server/client/idempotency';
import { newIdempotencyKey } from '$lib/server/kit/client-action-form';
import { idempotencyKey, MESSAGE_MAX } from '$lib/actions/schema';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

// The klantmanager, the team lead or a stand-in reads (audited) and answers. Reading writes
// nothing but the audit line; "read" is a POST the page sends once it is shown.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const conv = await inCaseload(locals, () =>
		conversation.conversationForStaff(locals.db, staff, params.id)
	);
	// Appointments with an open change request: an answer about one says what happens with it.
	const changeRequests = await conversation.openChangeRequests(locals.db, params.id);
	return { clientId: params.id, ...conv, changeRequests, replyKey: newIdempotencyKey() };
};

const replyForm = z.object({
	// Only the key this page made (newIdempotencyKey): a reply is free text, so the key is what
	// tells a real form post from a forged or garbled one.
	idempotencyKey: idempotencyKey.regex(/^[0-9a-f]{32}$/, 'errors.invalid'),
	body: z.string(),
	replyTo: z.union([z.literal(''), z.uuid()]).optional(),
	decision: z.enum(conversation.DECISIONS).optional()
});
const readForm = z.object({ upTo: z.uuid() });
const REPLY_STATUS: Partial<Record<conversation.ReplyError, number>> = {
	not_found: 404,
	// Decided by a colleague in the meantime: a conflict with what is stored.
	no_open_request: 409
};

export const actions: Actions = {
	reply: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		await inCaseload(locals, () =>
			conversation.requireConversationAccess(locals.db, staff, params.id)
		);
		const form = await postedForm(request);
		const values = {
			body: String(form.get('body') ?? ''),
			replyTo: String(form.get('replyTo') ?? ''),
			decision: String(form.get('decision') ?? '')
		};
		const parsed = replyForm.safeParse(Object.fromEntries(form));
		if (!parsed.success) return fail(400, { values, error: 'not_found' });
		if ([...parsed.data.body.trim()].length > MESSAGE_MAX) {
			return fail(422, { values, error: 'message_too_long' });
		}
		// A double click (or a resent form) answers once.
		const outcome = await once(
			locals.db,
			{
				key: parsed.data.idempotencyKey,
				userId: staff.id,
				// The key is bound to what it asks for (#14): the same key with another reply is refused.
				fingerprint: `km-reply ${params.id} ${JSON.stringify(parsed.data)}`
			},
			async (tx) => {
				const r = await conversation.reply(tx, staff, params.id, {
					body: parsed.data.body,
					replyTo: parsed.data.replyTo || null,
					decision: parsed.data.decision ?? null
				});
				return { status: r.ok ? 200 : (REPLY_STATUS[r.error] ?? 422), body: r };
			}
		);
		const r = outcome.body as Awaited<ReturnType<typeof conversation.reply>>;
		if (!r || !r.ok) {
			return fail(outcome.status, { values, error: r && !r.ok ? r.error : 'not_found' });
		}
		return { sent: true };
	},
	read: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		await inCaseload(locals, () =>
			conversation.requireConversationAccess(locals.db, staff, params.id)
		);
		const parsed = readForm.safeParse(Object.fromEntries(await postedForm(request)));
		if (!parsed.success) return fail(400, { error: 'not_found' });
		const marked = await conversation.markReadByStaff(
			locals.db,
			staff,
			params.id,
			parsed.data.upTo
		);
		return { marked };
	}
};
