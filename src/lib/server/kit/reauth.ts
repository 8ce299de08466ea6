import { recentlyVerified } from '../auth/session';
import { reauthenticate } from '../auth/reauthenticate';
import { env } from '../env';
import { limitedError } from '../auth/limited';
import type { FieldErrors } from '../../forms/errors';

/** How recent the proof must be (`REAUTH_SECONDS`): the form's hint says it. */
export function reauthSeconds(): number {
	return env().REAUTH_SECONDS;
}

/** True when the page must ask who is at the keyboard before a high-risk act. */
export function needsReauth(locals: App.Locals): boolean {
	return !recentlyVerified(locals.session, env().REAUTH_SECONDS * 1000);
}

/**
 * For high-risk admin actions (granting roles, creating or disabling staff): passes when the
 * person proved who they are within `REAUTH_SECONDS` (10 minutes by default), or does so now
 * with the form's `reauth` field (a code from their app, or their password). Otherwise the
 * refusal to return, with the field's error; the action keeps what was typed.
 */
export async function confirmIdentity(
	locals: App.Locals,
	form: FormData
): Promise<null | { status: 400 | 403 | 429; errors: FieldErrors }> {
	if (!needsReauth(locals)) return null;
	const secret = form.get('reauth');
	if (typeof secret !== 'string' || secret.trim() === '' || secret.length > 200)
		return { status: 403, errors: { reauth: { key: 'security.reauthNeeded' } } };
	const result = await reauthenticate(locals.db, {
		userId: locals.session!.userId,
		sessionId: locals.session!.id,
		secret: secret.trim()
	});
	if (result.ok) return null;
	if (result.reason === 'limited')
		return {
			status: 429,
			errors: { reauth: limitedError(locals.lang, result.retryAfterSeconds).form! }
		};
	return { status: 400, errors: { reauth: { key: 'security.reauthInvalid' } } };
}
