import { redirect, type RequestHandler } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { env } from '$lib/server/env';
import { safeNext } from '$lib/server/auth/access';
import { startSession } from '$lib/server/kit/sign-in-session';
import { OIDC_FLOW_COOKIE, decodeFlow, linkedUser, providersFromEnv } from '$lib/server/auth/oidc';

const FAILED = '/login?error=oidc';

/**
 * The identity provider sends the browser back here. Every failure (cancelled, forged,
 * expired, unknown subject, provider down) ends on the login page with one message.
 */
export const GET: RequestHandler = async ({ params, url, cookies, locals }) => {
	const flow = decodeFlow(cookies.get(OIDC_FLOW_COOKIE));
	// One use only: cleared before anything else can go wrong.
	cookies.delete(OIDC_FLOW_COOKIE, {
		path: '/auth',
		httpOnly: true,
		sameSite: 'lax',
		secure: !dev
	});

	let landing: string;
	try {
		if (!flow || flow.provider !== params.provider) throw new Error('no sign-in in progress');
		const e = env();
		const provider = providersFromEnv(e, e.ORIGIN ?? url.origin).find(
			(p) => p.id === flow.provider
		);
		if (!provider) throw new Error('provider not configured');
		const { subject } = await provider.finish(url, flow);
		const userId = await linkedUser(locals.db, provider.id, subject);
		// The subject can be a BSN: it is never logged.
		if (!userId) throw new Error('subject not linked to an account');
		const start = await startSession(locals, cookies, userId);
		landing = safeNext(flow.next) ?? start;
	} catch (err) {
		console.warn(`OIDC sign-in failed (${flow?.provider ?? 'no flow'}): ${reason(err)}`);
		redirect(303, FAILED);
	}
	redirect(303, landing);
};

/** openid-client puts the specific check that failed (e.g. "state") in the cause. */
function reason(err: unknown): string {
	if (!(err instanceof Error)) return String(err);
	return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}
