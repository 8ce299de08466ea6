import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { safeNext } from '$lib/server/auth/access';
import { limitedError } from '$lib/server/auth/limited';
import * as passkeys from '$lib/server/auth/passkeys';
import * as secondFactor from '$lib/server/auth/second-factor';
import { startSession } from '$lib/server/kit/sign-in-session';
import { postedForm } from '$lib/server/kit/posted-form';

// The passkey half of the second step (#14), for the browser's WebAuthn ceremony: first the
// options (a challenge for this half sign-in), then the answer. A passkey can be added here
// only by someone who has no second factor yet; once set up, only signing in with it. Posted
// as a form like every post outside /api (so SvelteKit's origin check covers it); the
// browser's answer travels as JSON in the `response` field.

const json64k = z
	.string()
	.max(65_536)
	.transform((text, ctx) => {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			ctx.addIssue({ code: 'custom', message: 'secondFactor.passkeyFailed' });
			return z.NEVER;
		}
	});
const bodySchema = z.discriminatedUnion('step', [
	z.object({ step: z.literal('options') }),
	z.object({
		step: z.literal('answer'),
		response: json64k,
		next: z.string().max(500).optional()
	})
]);

const noStore = { 'cache-control': 'no-store' };

export const POST: RequestHandler = async ({ locals, cookies, request, url }) => {
	const pending = locals.pendingSignIn;
	if (!pending) return json({ message: locals.t('errors.forbidden') }, { status: 401 });
	const form = await postedForm(request).catch(() => null);
	const parsed = bodySchema.safeParse(form ? Object.fromEntries(form) : null);
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
				? locals.t('login.waitShort')
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
