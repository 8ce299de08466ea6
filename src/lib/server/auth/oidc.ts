import { and, eq, isNull } from 'drizzle-orm';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Db } from '../db/open';
import { authIdentity, user } from '../db/schema';
import type { Env } from '../env';

export const OIDC_PROVIDER_IDS = ['digid', 'staff-oidc'] as const;
export type OidcProviderId = (typeof OIDC_PROVIDER_IDS)[number];

/** What the callback needs back from the browser to finish what begin() started. */
export interface OidcChecks {
	state: string;
	verifier: string;
	nonce: string;
}

export interface OidcProvider {
	readonly id: OidcProviderId;
	/** The authorization URL to send the browser to, plus the checks to keep until it returns. */
	begin(): Promise<OidcChecks & { url: URL }>;
	/** Redeems the code in `callbackUrl`; throws on any mismatch or error from the provider. */
	finish(
		callbackUrl: URL,
		expected: OidcChecks
	): Promise<{ subject: string; claims: Record<string, unknown> }>;
}

export interface OidcProviderOptions {
	id: OidcProviderId;
	issuer: URL;
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	/** Allows plain http, for a local test or development issuer only. */
	allowInsecure?: boolean;
}

// providersFromEnv runs per request, so discovery is cached here rather than per instance.
// A failed discovery is dropped, so an identity provider that was down is tried again.
const discovered = new Map<string, Promise<client.Configuration>>();

function configuration(o: OidcProviderOptions): Promise<client.Configuration> {
	const key = JSON.stringify([o.id, o.issuer.href, o.clientId, o.clientSecret, !!o.allowInsecure]);
	let config = discovered.get(key);
	if (!config) {
		config = client.discovery(
			o.issuer,
			o.clientId,
			o.clientSecret,
			client.ClientSecretBasic(o.clientSecret),
			{ timeout: 10, execute: o.allowInsecure ? [client.allowInsecureRequests] : [] }
		);
		discovered.set(key, config);
		config.catch(() => discovered.delete(key));
	}
	return config;
}

export function createOidcProvider(options: OidcProviderOptions): OidcProvider {
	const o = { ...options, issuer: new URL(options.issuer) };
	return {
		id: o.id,
		async begin() {
			const config = await configuration(o);
			const verifier = client.randomPKCECodeVerifier();
			const state = client.randomState();
			const nonce = client.randomNonce();
			const url = client.buildAuthorizationUrl(config, {
				redirect_uri: o.redirectUri,
				scope: 'openid',
				code_challenge: await client.calculatePKCECodeChallenge(verifier),
				code_challenge_method: 'S256',
				state,
				nonce
			});
			return { url, state, verifier, nonce };
		},
		async finish(callbackUrl, expected) {
			const config = await configuration(o);
			// The token request's redirect_uri is taken from this URL, so it must be exactly the
			// registered one, even when the request reached us under another host name.
			const current = new URL(o.redirectUri);
			current.search = callbackUrl.search;
			const tokens = await client.authorizationCodeGrant(config, current, {
				expectedState: expected.state,
				expectedNonce: expected.nonce,
				pkceCodeVerifier: expected.verifier,
				idTokenExpected: true
			});
			const claims = tokens.claims();
			if (!claims?.sub) throw new Error('the identity provider returned no subject');
			return { subject: claims.sub, claims: { ...claims } };
		}
	};
}

/** Short-lived cookie that carries the checks from /auth/[provider] to its callback. */
export const OIDC_FLOW_COOKIE = 'wegwijs_oidc';
export const OIDC_FLOW_MINUTES = 10;

const flowSchema = z.object({
	provider: z.enum(OIDC_PROVIDER_IDS),
	state: z.string().min(1).max(200),
	verifier: z.string().min(1).max(200),
	nonce: z.string().min(1).max(200),
	next: z.string().max(500).nullable()
});
export type OidcFlow = z.infer<typeof flowSchema>;

export function encodeFlow(flow: OidcFlow): string {
	return JSON.stringify(flow);
}

/** The flow in the cookie, or null when it is missing or not ours. */
export function decodeFlow(value: string | undefined): OidcFlow | null {
	if (!value) return null;
	try {
		const parsed = flowSchema.safeParse(JSON.parse(value));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

type OidcEnv = Pick<
	Env,
	| 'NODE_ENV'
	| 'DIGID_ISSUER'
	| 'DIGID_CLIENT_ID'
	| 'DIGID_CLIENT_SECRET'
	| 'STAFF_OIDC_ISSUER'
	| 'STAFF_OIDC_CLIENT_ID'
	| 'STAFF_OIDC_CLIENT_SECRET'
>;

/** The providers whose issuer, client id and secret are all set, in a fixed order. */
export function providersFromEnv(e: OidcEnv, origin: string): OidcProvider[] {
	const settings: [OidcProviderId, string | undefined, string | undefined, string | undefined][] = [
		['digid', e.DIGID_ISSUER, e.DIGID_CLIENT_ID, e.DIGID_CLIENT_SECRET],
		['staff-oidc', e.STAFF_OIDC_ISSUER, e.STAFF_OIDC_CLIENT_ID, e.STAFF_OIDC_CLIENT_SECRET]
	];
	const base = origin.replace(/\/+$/, '');
	const providers: OidcProvider[] = [];
	for (const [id, issuer, clientId, clientSecret] of settings) {
		if (!issuer || !clientId || !clientSecret) continue;
		const url = new URL(issuer);
		providers.push(
			createOidcProvider({
				id,
				issuer: url,
				clientId,
				clientSecret,
				redirectUri: `${base}/auth/${id}/callback`,
				// Never in production: there an http issuer fails discovery instead.
				allowInsecure: url.protocol === 'http:' && e.NODE_ENV !== 'production'
			})
		);
	}
	return providers;
}

/**
 * The account linked to this subject, or null. Accounts are never created from an unknown
 * subject: a DigiD or staff identity must be linked to a person beforehand.
 */
export async function linkedUser(
	db: Db,
	provider: OidcProviderId,
	subject: string
): Promise<string | null> {
	const [row] = await db
		.select({ id: user.id })
		.from(authIdentity)
		.innerJoin(user, eq(user.id, authIdentity.userId))
		.where(
			and(
				eq(authIdentity.provider, provider),
				eq(authIdentity.subject, subject),
				isNull(user.disabledAt)
			)
		)
		.limit(1);
	return row?.id ?? null;
}
