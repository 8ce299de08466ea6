import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as push from '$lib/server/push/push';

/** This device asks for notifications on the locked phone (opt-in in Profiel). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const user = requireRole(locals, 'client');
	const parsed = push.subscriptionInput.safeParse(await request.json().catch(() => null));
	if (!parsed.success) {
		return json(
			{ ok: false, error: 'invalid', message: locals.t('actions.errors.invalid') },
			{ status: 400 }
		);
	}
	const result = await push.subscribe(locals.db, user.id, parsed.data);
	if (!result.ok) {
		return json(
			{ ok: false, error: result.error, message: locals.t(`actions.errors.${result.error}`) },
			{ status: 409 }
		);
	}
	return json({ ok: true });
};

const removal = z.object({ endpoint: z.string().max(1000) });

/** This device no longer wants notifications. */
export const DELETE: RequestHandler = async ({ request, locals }) => {
	const user = requireRole(locals, 'client');
	const parsed = removal.safeParse(await request.json().catch(() => null));
	if (!parsed.success) {
		return json(
			{ ok: false, error: 'invalid', message: locals.t('actions.errors.invalid') },
			{ status: 400 }
		);
	}
	await push.unsubscribe(locals.db, user.id, parsed.data.endpoint);
	return json({ ok: true });
};
