import { error, redirect, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { dev } from '$app/environment';
import { env } from '$lib/server/env';
import { safeNext } from '$lib/server/auth/access';
import {
	OIDC_FLOW_COOKIE,
	OIDC_FLOW_MINUTES,
	OIDC_PROVIDER_IDS,
	encodeFlow,
	providersFromEnv
} from '$lib/server/auth/oidc';

/** Starts an OpenID Connect sign-in: remembers state, PKCE verifier and nonce, then leaves. */
export const GET: RequestHandler = async ({ params, url, cookies, locals }) => {
	const e = env();
	const id = z.enum(OIDC_PROVIDER_IDS).safeParse(params.provider);
	const provider = id.success
		? providersFromEnv(e, e.ORIGIN ?? url.origin).find((p) => p.id === id.data)
		: undefined;
	if (!provider) error(404, locals.t('errors.notFound'));

	let target: URL;
	try {
		const { url: authorizationUrl, state, verifier, nonce } = await provider.begin();
		target = authorizationUrl;
		const next = safeNext(url.searchParams.get('next'));
		cookies.set(
			OIDC_FLOW_COOKIE,
			encodeFlow({ provider: provider.id, state, verifier, nonce, next }),
			{
				path: '/auth',
				httpOnly: true,
				sameSite: 'lax',
				secure: !dev,
				maxAge: OIDC_FLOW_MINUTES * 60
			}
		);
	} catch (err) {
		// Usually the identity provider cannot be reached; the login page says so in words.
		console.warn(`OIDC sign-in could not start (${provider.id}): ${reason(err)}`);
		redirect(303, '/login?error=oidc');
	}
	redirect(302, target.href);
};

function reason(err: unknown): string {
	if (!(err instanceof Error)) return String(err);
	return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}
