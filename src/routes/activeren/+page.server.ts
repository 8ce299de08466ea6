import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/form-data';
import { redeemActivationCode } from '$lib/server/auth/activation';
import * as rateLimit from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/kit/sign-in-session';
import type { Actions } from './$types';

const schema = z
	.object({
		code: z.string().trim().min(1).max(20),
		password: z.string().min(10).max(200),
		passwordRepeat: z.string().min(1).max(200)
	})
	.refine((v) => v.password === v.passwordRepeat, {
		path: ['passwordRepeat'],
		message: 'errors.passwordsDiffer'
	});

export const actions: Actions = {
	default: async ({ request, locals, cookies, getClientAddress }) => {
		const form = parseForm(schema, await request.formData(), {
			secret: ['password', 'passwordRepeat']
		});
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const address = getClientAddress();
		// Guessing codes is limited like guessing passwords, per address.
		if (await rateLimit.isLimited(locals.db, `activation:${address}`, address)) {
			return fail(429, {
				values: { code: form.data.code },
				errors: { form: { key: 'login.limited' } }
			});
		}
		const result = await redeemActivationCode(locals.db, form.data);
		if (!result.ok) {
			await rateLimit.recordFailure(locals.db, `activation:${address}`, address);
			return fail(400, {
				values: { code: form.data.code },
				errors: { code: { key: 'activate.invalid' } }
			});
		}
		const landing = await startSession(locals, cookies, result.userId);
		redirect(303, `${landing}?welkom=${encodeURIComponent(result.clientNumber)}`);
	}
};
