import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/form-data';
import { activateWithCode } from '$lib/server/auth/activation';
import { limitedError } from '$lib/server/auth/limited';
import { startSession } from '$lib/server/kit/sign-in-session';
import type { Actions } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

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
		const form = parseForm(schema, await postedForm(request), {
			secret: ['password', 'passwordRepeat']
		});
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		// Guessing codes is limited per address (reserved before the code is looked up).
		const result = await activateWithCode(locals.db, {
			code: form.data.code,
			password: form.data.password,
			address: getClientAddress()
		});
		if (!result.ok && result.reason === 'limited') {
			return fail(429, {
				values: { code: form.data.code },
				errors: limitedError(locals.lang, result.retryAfterSeconds)
			});
		}
		if (!result.ok) {
			return fail(400, {
				values: { code: form.data.code },
				errors: { code: { key: 'activate.invalid' } }
			});
		}
		const landing = await startSession(locals, cookies, result.userId, 'activation');
		redirect(303, `${landing}?welkom=${encodeURIComponent(result.clientNumber)}`);
	}
};
