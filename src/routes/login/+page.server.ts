import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { env } from '$lib/server/env';
import { parseForm } from '$lib/forms/form-data';
import { safeNext, startPage } from '$lib/server/auth/access';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { limitedError } from '$lib/server/auth/limited';
import { secondFactorPage, startSession } from '$lib/server/kit/sign-in-session';
import * as demo from '$lib/server/auth/demo';
import { providersFromEnv } from '$lib/server/auth/oidc';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, startPage(locals.user.roles));
	const e = env();
	return {
		demoAccounts: e.demoMode ? await demo.listDemoAccounts(locals.db) : [],
		providers: providersFromEnv(e, e.ORIGIN ?? url.origin).map((p) => p.id),
		oidcError: url.searchParams.get('error') === 'oidc'
	};
};

const passwordSchema = z.object({
	identifier: z.string().trim().min(1).max(200),
	password: z.string().min(1).max(200),
	next: z.string().max(500).optional()
});

const demoSchema = z.object({
	key: z.string().min(1).max(50),
	next: z.string().max(500).optional()
});

export const actions: Actions = {
	password: async ({ request, locals, cookies, getClientAddress, setHeaders }) => {
		const form = parseForm(passwordSchema, await postedForm(request), { secret: ['password'] });
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await signInWithPassword(locals.db, {
			identifier: form.data.identifier,
			password: form.data.password,
			address: getClientAddress()
		});
		if (!result.ok && result.reason === 'limited') {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			// A short wait (growing per failure) or, for one address hammering one account, the window.
			const errors =
				result.retryAfterSeconds <= 60
					? { form: { key: 'login.waitShort' } }
					: limitedError(locals.lang, result.retryAfterSeconds);
			return fail(429, { values: { identifier: form.data.identifier }, errors });
		}
		if (!result.ok) {
			return fail(400, {
				values: { identifier: form.data.identifier },
				errors: { form: { key: 'login.invalid' } }
			});
		}
		const landing = await startSession(locals, cookies, result.userId, 'password');
		// Staff: the second factor first; `next` waits on that page.
		if (landing === secondFactorPage(null)) redirect(303, secondFactorPage(form.data.next));
		redirect(303, safeNext(form.data.next) ?? landing);
	},
	demo: async ({ request, locals, cookies }) => {
		if (!env().demoMode) error(404, locals.t('errors.notFound'));
		const parsed = demoSchema.safeParse(Object.fromEntries(await postedForm(request)));
		if (!parsed.success) return fail(400, { errors: { form: { key: 'errors.invalid' } } });
		const userId = await demo.demoUserId(locals.db, parsed.data.key);
		if (!userId) return fail(400, { errors: { form: { key: 'errors.invalid' } } });
		const landing = await startSession(locals, cookies, userId, 'demo');
		redirect(303, safeNext(parsed.data.next) ?? landing);
	}
};
