import { fail } from '@sveltejs/kit';
import { idempotencyKey, type ClientAction } from '$lib/actions/schema';
import { applyClientAction } from '../client/client-actions';

/**
 * The no-JavaScript path of a client action: the form carries an idempotency key made when the
 * page was rendered, so a double tap applies once. With JavaScript the offline queue posts the
 * same action to /api/client/actions instead.
 */
export async function submitClientAction(
	locals: App.Locals,
	userId: string,
	form: FormData,
	action: ClientAction,
	values: Record<string, string> = {}
) {
	const key = idempotencyKey.safeParse(form.get('idempotencyKey'));
	if (!key.success) return fail(400, { values, error: 'invalid' });
	const outcome = await applyClientAction(locals.db, { userId, key: key.data, action });
	if (!outcome.body.ok) {
		return fail(outcome.status, { values, error: outcome.body.error });
	}
	return { done: action.type };
}

export function newIdempotencyKey(): string {
	return crypto.randomUUID().replaceAll('-', '');
}
