import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error oidc-provider ships no type declarations (and @types/oidc-provider is for v8)
import { Provider as UntypedProvider } from 'oidc-provider';
import { authIdentity, user } from '../../src/lib/server/db/schema';
import {
	createOidcProvider,
	linkedUser,
	providersFromEnv,
	type OidcProvider
} from '../../src/lib/server/auth/oidc';
import { describeEachDatabase } from './databases';

// Only the parts of oidc-provider this test uses.
interface GrantInstance {
	addOIDCScope(scope: string): void;
	save(): Promise<string>;
}
interface TestIdp {
	callback(): (req: IncomingMessage, res: ServerResponse) => void;
	interactionDetails(
		req: IncomingMessage,
		res: ServerResponse
	): Promise<{ params: Record<string, unknown> }>;
	interactionFinished(
		req: IncomingMessage,
		res: ServerResponse,
		result: Record<string, unknown>,
		options?: { mergeWithLastSubmission?: boolean }
	): Promise<void>;
	Grant: new (init: { accountId: string; clientId: string }) => GrantInstance;
}
const Provider = UntypedProvider as new (issuer: string, config: object) => TestIdp;

// The app is never started: the test stops at the redirect to it and calls finish() itself.
const APP_ORIGIN = 'http://127.0.0.1:5173';
const CALLBACK = `${APP_ORIGIN}/auth/digid/callback`;
const CLIENT_ID = 'wegwijs-test';
const CLIENT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const SUBJECT = 'digid-test-subject-1';
const HTTPS_ONLY = 'only requests to HTTPS are allowed';

let server: Server;
let issuer: string;

beforeAll(async () => {
	let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
	server = createServer((req, res) => handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const idp = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [CALLBACK],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_basic'
			}
		],
		jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig' }] },
		cookies: { keys: ['test-cookie-signing-key'] },
		pkce: { required: () => true },
		// Explicit lifetimes (seconds) keep the provider from printing a notice for each default.
		ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
		findAccount: (_ctx: unknown, sub: string) => ({
			accountId: sub,
			claims: () => ({ sub })
		})
	});
	const oidc = idp.callback();

	// Stands in for the DigiD login screen: whoever arrives is signed in as SUBJECT.
	async function interaction(req: IncomingMessage, res: ServerResponse) {
		const { params } = await idp.interactionDetails(req, res);
		const grant = new idp.Grant({ accountId: SUBJECT, clientId: String(params.client_id) });
		grant.addOIDCScope('openid');
		const grantId = await grant.save();
		await idp.interactionFinished(
			req,
			res,
			{ login: { accountId: SUBJECT }, consent: { grantId } },
			{ mergeWithLastSubmission: false }
		);
	}
	handle = (req, res) => {
		if (req.url?.startsWith('/interaction/')) {
			interaction(req, res).catch((err: unknown) => {
				res.statusCode = 500;
				res.end(String(err));
			});
		} else {
			oidc(req, res);
		}
	};
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

function digid(overrides: { allowInsecure?: boolean } = {}): OidcProvider {
	return createOidcProvider({
		id: 'digid',
		issuer: new URL(issuer),
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		redirectUri: CALLBACK,
		allowInsecure: overrides.allowInsecure ?? true
	});
}

/** Plays the browser: follows redirects with its own cookie jar until the app's callback. */
async function authorize(start: URL): Promise<URL> {
	const jar = new Map<string, string>();
	let url = start;
	for (let hop = 0; hop < 10; hop++) {
		const response = await fetch(url, {
			redirect: 'manual',
			headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
			signal: AbortSignal.timeout(5000)
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
			if (gone) jar.delete(name);
			else jar.set(name, pair.slice(eq + 1).trim());
		}
		const location = response.headers.get('location');
		if (!location || response.status < 300 || response.status >= 400) {
			throw new Error(`expected a redirect from ${url.pathname}, got ${response.status}`);
		}
		url = new URL(location, url);
		if (url.href.startsWith(CALLBACK)) return url;
	}
	throw new Error('too many redirects');
}

describe('OpenID Connect provider', () => {
	it('signs in through the authorization code flow with PKCE', async () => {
		const provider = digid();
		const { url, state, verifier, nonce } = await provider.begin();
		expect(url.origin).toBe(issuer);
		expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('code_challenge')).not.toBe(verifier);
		expect(url.searchParams.get('state')).toBe(state);
		expect(url.searchParams.get('nonce')).toBe(nonce);

		const callback = await authorize(url);
		expect(callback.searchParams.get('code')).toBeTruthy();
		expect(callback.searchParams.get('state')).toBe(state);

		const result = await provider.finish(callback, { state, verifier, nonce });
		expect(result.subject).toBe(SUBJECT);
		expect(result.claims).toMatchObject({ sub: SUBJECT, iss: issuer, aud: CLIENT_ID, nonce });
	});

	it('rejects a callback whose state does not match', async () => {
		const provider = digid();
		const { url, verifier, nonce } = await provider.begin();
		const callback = await authorize(url);
		await expect(
			provider.finish(callback, { state: 'forged', verifier, nonce })
		).rejects.toMatchObject({
			cause: { message: expect.stringContaining('"state"') }
		});
	});

	it('rejects a code redeemed with the wrong PKCE verifier', async () => {
		const provider = digid();
		const { url, state, nonce } = await provider.begin();
		const callback = await authorize(url);
		const wrong = 'x'.repeat(43);
		await expect(
			provider.finish(callback, { state, verifier: wrong, nonce })
		).rejects.toMatchObject({
			error: 'invalid_grant'
		});
	});

	it('rejects an error answer from the provider', async () => {
		const provider = digid();
		const { state, verifier, nonce } = await provider.begin();
		const denied = new URL(`${CALLBACK}?error=access_denied&state=${state}&iss=${issuer}`);
		await expect(provider.finish(denied, { state, verifier, nonce })).rejects.toMatchObject({
			error: 'access_denied'
		});
	});

	it('refuses a plain-http issuer unless insecure requests are allowed', async () => {
		await expect(digid({ allowInsecure: false }).begin()).rejects.toThrow(HTTPS_ONLY);
	});
});

describe('providersFromEnv', () => {
	const base = { NODE_ENV: 'test' } as const;

	it('offers nothing when the variables are missing or incomplete', () => {
		expect(providersFromEnv(base, APP_ORIGIN)).toEqual([]);
		expect(
			providersFromEnv(
				{ ...base, DIGID_ISSUER: issuer, DIGID_CLIENT_ID: CLIENT_ID, STAFF_OIDC_ISSUER: issuer },
				APP_ORIGIN
			)
		).toEqual([]);
	});

	it('offers each fully configured provider with its callback on this origin', async () => {
		const all = {
			...base,
			DIGID_ISSUER: issuer,
			DIGID_CLIENT_ID: CLIENT_ID,
			DIGID_CLIENT_SECRET: CLIENT_SECRET,
			STAFF_OIDC_ISSUER: issuer,
			STAFF_OIDC_CLIENT_ID: 'staff',
			STAFF_OIDC_CLIENT_SECRET: 'staff-secret'
		};
		expect(providersFromEnv(all, APP_ORIGIN).map((p) => p.id)).toEqual(['digid', 'staff-oidc']);
		const [provider] = providersFromEnv(all, `${APP_ORIGIN}/`);
		const { url } = await provider!.begin();
		expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
	});

	it('never allows a plain-http issuer in production', async () => {
		const [provider] = providersFromEnv(
			{
				NODE_ENV: 'production',
				DIGID_ISSUER: issuer,
				DIGID_CLIENT_ID: CLIENT_ID,
				DIGID_CLIENT_SECRET: CLIENT_SECRET
			},
			APP_ORIGIN
		);
		await expect(provider!.begin()).rejects.toThrow(HTTPS_ONLY);
	});
});

describeEachDatabase('linkedUser', (get) => {
	it('finds only the account linked to this provider and subject', async () => {
		const { db } = get();
		const [linked] = await db
			.insert(user)
			.values({ displayName: 'Client met DigiD', roles: ['client'] })
			.returning({ id: user.id });
		const [disabled] = await db
			.insert(user)
			.values({ displayName: 'Uit dienst', roles: ['klantmanager'], disabledAt: new Date() })
			.returning({ id: user.id });
		await db.insert(authIdentity).values([
			{ userId: linked!.id, provider: 'digid', subject: SUBJECT },
			{ userId: disabled!.id, provider: 'staff-oidc', subject: 'staff-gone' }
		]);

		// End to end: the subject a real sign-in returns leads to the linked account.
		const provider = digid();
		const { url, state, verifier, nonce } = await provider.begin();
		const { subject } = await provider.finish(await authorize(url), { state, verifier, nonce });
		expect(await linkedUser(db, 'digid', subject)).toBe(linked!.id);

		expect(await linkedUser(db, 'digid', 'someone-else')).toBeNull();
		expect(await linkedUser(db, 'staff-oidc', SUBJECT)).toBeNull();
		expect(await linkedUser(db, 'staff-oidc', 'staff-gone')).toBeNull();
	});
});
