import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as notifications from '$lib/server/notifications/notifications';
import * as conversation from '$lib/server/messages/conversation';
import { submitClientAction, newIdempotencyKey } from '$lib/server/kit/client-action-form';
import { DOCUMENTS_MAX, MESSAGE_MAX, idempotencyKey } from '$lib/actions/schema';
import * as documents from '$lib/server/documents/documents';
import { documentKey } from '$lib/server/keys';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

// Reading the conversation changes nothing: the page posts "read" once it has shown it.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	return {
		conversation: await conversation.conversationOfUser(locals.db, user.id),
		items: await notifications.inboxOf(locals.db, user.id),
		formKey: newIdempotencyKey(),
		readKey: newIdempotencyKey()
	};
};

const sendForm = z.object({
	body: z.string().max(MESSAGE_MAX * 4),
	contextKind: z.enum(['home', 'step', 'instrument', 'appointment', 'plan']).default('home'),
	contextId: z.uuid().optional(),
	contextVersion: z.coerce.number().int().min(1).optional(),
	intent: z.enum(['question', 'disagree']).optional()
});

const readForm = z
	.object({
		upTo: z.uuid().optional(),
		notices: z.iso.datetime().optional()
	})
	.refine((r) => r.upTo !== undefined || r.notices !== undefined);

export const actions: Actions = {
	send: async ({ request, locals }) => {
		const user = requireRole(locals, 'client');
		const form = await postedForm(request);
		const body = String(form.get('body') ?? '');
		const parsed = sendForm.safeParse(Object.fromEntries(form));
		if (!parsed.success) {
			const tooLong = parsed.error.issues.some((i) => i.path[0] === 'body' && i.code === 'too_big');
			return fail(tooLong ? 422 : 400, {
				values: { body },
				error: tooLong ? 'message_too_long' : 'invalid'
			});
		}
		const d = parsed.data;
		// Without JavaScript the files come with the form: each stored under a key made from the
		// form's own, so a second tap stores nothing twice.
		const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length > DOCUMENTS_MAX) {
			return fail(422, { values: { body }, error: 'too_many_files' });
		}
		const formKey = idempotencyKey.safeParse(form.get('idempotencyKey'));
		if (files.length > 0 && !formKey.success)
			return fail(400, { values: { body }, error: 'invalid' });
		const ids: string[] = [];
		for (const [i, file] of files.entries()) {
			const stored = await documents.storeUpload(locals.db, documentKey(), {
				userId: user.id,
				uploadKey: `${formKey.data}-file${i}`,
				name: file.name,
				bytes: Buffer.from(await file.arrayBuffer())
			});
			if (!stored.ok)
				return fail(stored.error === 'photo_busy' ? 503 : 422, {
					values: { body },
					error: stored.error
				});
			ids.push(stored.id);
		}
		return submitClientAction(
			locals,
			user.id,
			form,
			{
				type: 'message',
				body: d.body,
				...(ids.length ? { documents: ids } : {}),
				context: {
					kind: d.contextKind,
					id: d.contextId ?? null,
					version: d.contextVersion ?? null,
					intent: d.intent ?? null
				}
			},
			{ body }
		);
	},
	read: async ({ request, locals }) => {
		const user = requireRole(locals, 'client');
		const form = await postedForm(request);
		const parsed = readForm.safeParse(Object.fromEntries(form));
		if (!parsed.success) return fail(400, { error: 'invalid' });
		return submitClientAction(locals, user.id, form, { type: 'read', ...parsed.data });
	}
};
