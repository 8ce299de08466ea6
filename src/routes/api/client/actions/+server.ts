import { json, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { clientAction, idempotencyKey } from '$lib/actions/schema';
import { applyClientAction } from '$lib/server/client/client-actions';

/** The offline queue's endpoint: one action per request, applied once per Idempotency-Key. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const user = requireRole(locals, 'client');
	const key = idempotencyKey.safeParse(request.headers.get('idempotency-key'));
	if (!key.success) {
		return json(
			{ ok: false, error: 'missing_key', message: locals.t('actions.errors.missing_key') },
			{ status: 400 }
		);
	}
	const body = await request.json().catch(() => null);
	const action = clientAction.safeParse(body);
	if (!action.success) {
		return json(
			{ ok: false, error: 'invalid', message: locals.t('actions.errors.invalid') },
			{ status: 400 }
		);
	}
	const outcome = await applyClientAction(locals.db, {
		userId: user.id,
		key: key.data,
		action: action.data
	});
	const message = outcome.body.ok ? undefined : locals.t(`actions.errors.${outcome.body.error}`);
	return json(
		{ ...outcome.body, message },
		{ status: outcome.status, headers: outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {} }
	);
};
