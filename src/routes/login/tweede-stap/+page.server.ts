import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { renderSVG } from 'uqr';
import { parseForm } from '$lib/forms/form-data';
import { safeNext } from '$lib/server/auth/access';
import { limitedError } from '$lib/server/auth/limited';
import * as passkeys from '$lib/server/auth/passkeys';
import * as secondFactor from '$lib/server/auth/second-factor';
import { startSession } from '$lib/server/kit/sign-in-session';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

// The second step of a staff password sign-in (#14). Only half a session (locals.pendingSignIn)
// reaches it; the first time it sets up TOTP or a passkey (the person's choice), every time
// after it asks for a code or the passkey (passkey/+server.ts).

export const load: PageServerLoad = async ({ locals }) => {
	const pending = locals.pendingSignIn;
	if (!pending) redirect(303, '/login');
	if (await secondFactor.isEnrolled(locals.db, pending.user.id))
		return { setup: null, passkey: await passkeys.hasPasskey(locals.db, pending.user.id) };
	const key = await secondFactor.beginSetup(locals.db, pending.user, pending.since);
	if (!key) return { setup: null, passkey: false };
	const svg = renderSVG(key.uri, { border: 2 });
	return {
		passkey: false,
		setup: {
			secret: key.secret,
			qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
		}
	};
};

const codeSchema = z.object({
	code: z.string().trim().min(1, 'secondFactor.invalid').max(60, 'secondFactor.invalid'),
	next: z.string().max(500).optional()
});

async function check(locals: App.Locals, form: FormData, confirming: boolean) {
	const pending = locals.pendingSignIn;
	if (!pending) redirect(303, '/login');
	const parsed = parseForm(codeSchema, form, { secret: ['code'] });
	if (!parsed.ok) return { refused: fail(400, { errors: parsed.errors }) } as const;
	const result = confirming
		? await secondFactor.confirmSetup(locals.db, pending.user.id, parsed.data.code)
		: await secondFactor.verify(locals.db, pending.user.id, parsed.data.code);
	if (!result.ok && result.reason === 'limited') {
		const errors =
			result.retryAfterSeconds <= 60
				? { code: { key: 'login.waitShort' } }
				: { code: limitedError(locals.lang, result.retryAfterSeconds).form! };
		return { refused: fail(429, { errors }) } as const;
	}
	if (!result.ok) {
		return { refused: fail(400, { errors: { code: { key: 'secondFactor.invalid' } } }) } as const;
	}
	return { result, userId: pending.user.id, next: safeNext(parsed.data.next) } as const;
}

export const actions: Actions = {
	/** First sign-in: the code from the app confirms the key; recovery codes are shown once. */
	setup: async ({ locals, cookies, request }) => {
		const checked = await check(locals, await postedForm(request), true);
		if ('refused' in checked) return checked.refused;
		const landing = await startSession(locals, cookies, checked.userId, 'totp');
		const codes = 'recoveryCodes' in checked.result ? checked.result.recoveryCodes : [];
		return { recoveryCodes: codes, landing: checked.next ?? landing };
	},
	verify: async ({ locals, cookies, request }) => {
		const checked = await check(locals, await postedForm(request), false);
		if ('refused' in checked) return checked.refused;
		const method = 'method' in checked.result ? checked.result.method : 'totp';
		const landing = await startSession(locals, cookies, checked.userId, method);
		redirect(303, checked.next ?? landing);
	}
};
