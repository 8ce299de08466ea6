import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as content from '$lib/server/content/content';
import * as contentAudio from '$lib/server/content/content-audio';
import * as conversation from '$lib/server/messages/conversation';
import { newIdempotencyKey, submitClientAction } from '$lib/server/kit/client-action-form';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireRole(locals, 'client', url);
	const me = locals.client;
	const found = await content.getInstrument(
		locals.db,
		params.code,
		locals.lang,
		me?.id ?? null,
		me?.gemeenteId ?? null
	);
	if (!found) error(404, locals.t('errors.notFound'));
	return {
		instrument: found,
		recording: await contentAudio.recordingFor(
			locals.db,
			{ kind: 'instrument', code: found.code, language: found.fallback ? 'nl' : locals.lang },
			me?.gemeenteId ?? null
		),
		// The question asked here and the klantmanager's answer, on this page.
		thread: await conversation.messagesAbout(locals.db, user.id, found.id),
		formKey: newIdempotencyKey(),
		fetchedAt: new Date().toISOString()
	};
};

const askForm = z.object({ instrumentId: z.uuid(), message: z.string().optional() });

export const actions: Actions = {
	ask: async ({ request, locals }) => {
		const user = requireRole(locals, 'client');
		const form = await postedForm(request);
		const values = { message: String(form.get('message') ?? '') };
		const parsed = askForm.safeParse(Object.fromEntries(form));
		if (!parsed.success) return fail(400, { values, error: 'invalid' });
		return submitClientAction(locals, user.id, form, { type: 'ask', ...parsed.data }, values);
	}
};
