import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { safeNext } from '$lib/server/auth/access';
import { limitedError } from '$lib/server/auth/limited';
import * as passkeys from '$lib/server/auth/passkeys';
import * as secondFactor from '$lib/server/auth/second-factor';
import { startSession } from '$lib/server/kit/sign-in-session';

// The passkey half of the second step (#14), for the browser's WebAuthn ceremony: first the
// options (a challenge for this half sign-in), then the answer. A passkey can be added here
// only by someone who has no second factor yet; once set up, only signing in with it.

const bodySchema = z.discriminatedUnion('step', [
	z.object({ step: z.literal('options') }),
	z.object({
		step: z.literal('answer'),
		response: z.unknown(),
		next: z.string().max(500).optional()
	})
]);

const noStore = { 'cache-control': 'no-store' };

export const POST: RequestHandler = async ({ locals, cookies, request, url }) => {
	const pending = locals.pendingSignIn;
	if (!pending) return json({ message: locals.t('errors.forbidden') }, { status: 401 });
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json'))
		return json({ message: locals.t('secondFactor.passkeyFailed') }, { status: 415 });
	const parsed = bodySchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success)
		return json({ message: locals.t('secondFactor.passkeyFailed') }, { status: 400 });
	const site = { origin: url.origin };
	const input = { userId: pending.user.id, sessionId: pending.sessionId, site };
	const registering = !(await secondFactor.isEnrolled(locals.db, pending.user.id));
	if (parsed.data.step === 'options') {
		const options = registering
			? await passkeys.registrationOptions(locals.db, { ...input, user: pending.user })
			: await passkeys.authenticationOptions(locals.db, input);
		return json({ registering, options }, { headers: noStore });
	}
	const response = parsed.data.response;
	const result = registering
		? await passkeys.register(locals.db, { ...input, response })
		: await passkeys.authenticate(locals.db, { ...input, response });
	if (!result.ok && result.reason === 'limited') {
		const later = limitedError(locals.lang, result.retryAfterSeconds).form!;
		const message =
			result.retryAfterSeconds <= 60
				? locals.t('security.waitShort')
				: locals.t(later.key, later.values);
		return json({ message }, { status: 429 });
	}
	if (!result.ok) return json({ message: locals.t('secondFactor.passkeyFailed') }, { status: 400 });
	const landing = await startSession(locals, cookies, pending.user.id, 'passkey');
	return json(
		{ landing: safeNext(parsed.data.next) ?? landing, recoveryCodes: result.recoveryCodes },
		{ headers: noStore }
	);
};
