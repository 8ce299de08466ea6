import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type AuthenticationResponseJSON,
	type AuthenticatorTransport,
	type PublicKeyCredentialCreationOptionsJSON,
	type PublicKeyCredentialRequestOptionsJSON,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Db } from '../db/open';
import { staffPasskey, webauthnChallenge } from '../db/schema';
import * as rateLimit from './rate-limit';
import * as secondFactor from './second-factor';
import * as audit from '../audit/audit';

// Passkeys (WebAuthn) as the second factor besides TOTP (#14), with @simplewebauthn/server.
// A challenge belongs to one session and one purpose, is taken once (a delete that returns it,
// so two parallel answers cannot both use it) and expires; a signature counter that does not
// go up is refused (a cloned key), also for two answers at once (a conditional update).

export const CHALLENGE_MS = 5 * 60 * 1000;
const RP_NAME = 'Wegwijs';
const MAX_PASSKEYS = 10;

export type Purpose = 'register' | 'authenticate';

/** Where the browser is: the origin it signs and the relying party id (its host name). */
export interface Site {
	origin: string;
}
const rpIdOf = (site: Site) => new URL(site.origin).hostname;

const b64url = z
	.string()
	.max(16_384)
	.regex(/^[A-Za-z0-9_-]*$/);
const transports = z
	.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
	.max(8);

/** The browser's answer to `navigator.credentials.create`, as @simplewebauthn/browser sends it. */
export const registrationResponseSchema = z.object({
	id: b64url.min(1).max(1024),
	rawId: b64url.min(1).max(1024),
	type: z.literal('public-key'),
	response: z.object({
		clientDataJSON: b64url,
		attestationObject: b64url,
		transports: transports.optional(),
		authenticatorData: b64url.optional(),
		publicKey: b64url.optional(),
		publicKeyAlgorithm: z.number().int().optional()
	}),
	authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
	clientExtensionResults: z.record(z.string(), z.unknown()).default({})
});

/** The browser's answer to `navigator.credentials.get`. */
export const authenticationResponseSchema = z.object({
	id: b64url.min(1).max(1024),
	rawId: b64url.min(1).max(1024),
	type: z.literal('public-key'),
	response: z.object({
		clientDataJSON: b64url,
		authenticatorData: b64url,
		signature: b64url,
		userHandle: b64url.optional()
	}),
	authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
	clientExtensionResults: z.record(z.string(), z.unknown()).default({})
});

export async function hasPasskey(db: Db, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: staffPasskey.id })
		.from(staffPasskey)
		.where(eq(staffPasskey.userId, userId))
		.limit(1);
	return !!row;
}

export async function listPasskeys(db: Db, userId: string) {
	return db
		.select({
			id: staffPasskey.id,
			createdAt: staffPasskey.createdAt,
			lastUsedAt: staffPasskey.lastUsedAt
		})
		.from(staffPasskey)
		.where(eq(staffPasskey.userId, userId))
		.orderBy(staffPasskey.createdAt);
}

async function storeChallenge(
	db: Db,
	sessionId: string,
	purpose: Purpose,
	challenge: string,
	now: Date
) {
	// One open challenge per session and purpose: asking again replaces the earlier one.
	await db
		.delete(webauthnChallenge)
		.where(
			and(
				or(eq(webauthnChallenge.sessionId, sessionId), lt(webauthnChallenge.expiresAt, now)),
				eq(webauthnChallenge.purpose, purpose)
			)
		);
	await db.insert(webauthnChallenge).values({
		challenge,
		sessionId,
		purpose,
		expiresAt: new Date(now.getTime() + CHALLENGE_MS),
		createdAt: now
	});
}

/** Takes the challenge the answer signed, once; null when it is unknown, used, expired or another session's. */
async function takeChallenge(
	db: Db,
	sessionId: string,
	purpose: Purpose,
	clientDataJSON: string,
	now: Date
): Promise<string | null> {
	let challenge: unknown;
	try {
		challenge = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON))?.challenge;
	} catch {
		return null;
	}
	if (typeof challenge !== 'string' || challenge.length > 200) return null;
	const [row] = await db
		.delete(webauthnChallenge)
		.where(
			and(
				eq(webauthnChallenge.challenge, challenge),
				eq(webauthnChallenge.sessionId, sessionId),
				eq(webauthnChallenge.purpose, purpose),
				gt(webauthnChallenge.expiresAt, now)
			)
		)
		.returning({ challenge: webauthnChallenge.challenge });
	return row?.challenge ?? null;
}

/** Options for `navigator.credentials.create`: a new passkey for this staff member. */
export async function registrationOptions(
	db: Db,
	input: {
		user: { id: string; email: string | null; displayName: string };
		sessionId: string;
		site: Site;
		now?: Date;
	}
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	const now = input.now ?? new Date();
	const existing = await db
		.select({ id: staffPasskey.credentialId, transports: staffPasskey.transports })
		.from(staffPasskey)
		.where(eq(staffPasskey.userId, input.user.id));
	const options = await generateRegistrationOptions({
		rpName: RP_NAME,
		rpID: rpIdOf(input.site),
		userName: input.user.email ?? input.user.id,
		userDisplayName: input.user.displayName,
		userID: new TextEncoder().encode(input.user.id),
		attestationType: 'none',
		excludeCredentials: existing.map((c) => ({
			id: c.id,
			transports: c.transports as AuthenticatorTransport[]
		})),
		authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' }
	});
	await storeChallenge(db, input.sessionId, 'register', options.challenge, now);
	return options;
}

export type PasskeyResult =
	| { ok: true; recoveryCodes: string[] | null }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * Checks the new passkey against the challenge this session was given and stores it. The
 * first second factor a person sets up also gives ten recovery codes (shown once).
 */
export async function register(
	db: Db,
	input: { userId: string; sessionId: string; site: Site; response: unknown; now?: Date }
): Promise<PasskeyResult> {
	const now = input.now ?? new Date();
	const parsed = registrationResponseSchema.safeParse(input.response);
	if (!parsed.success) return { ok: false, reason: 'invalid' };
	const response = parsed.data as RegistrationResponseJSON;
	const challenge = await takeChallenge(
		db,
		input.sessionId,
		'register',
		response.response.clientDataJSON,
		now
	);
	if (!challenge) return { ok: false, reason: 'invalid' };
	let info;
	try {
		const verified = await verifyRegistrationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: input.site.origin,
			expectedRPID: rpIdOf(input.site),
			requireUserVerification: false
		});
		if (!verified.verified) return { ok: false, reason: 'invalid' };
		info = verified.registrationInfo;
	} catch {
		return { ok: false, reason: 'invalid' };
	}
	const [count] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(staffPasskey)
		.where(eq(staffPasskey.userId, input.userId));
	if ((count?.n ?? 0) >= MAX_PASSKEYS) return { ok: false, reason: 'invalid' };
	const firstFactor = !(await secondFactor.isEnrolled(db, input.userId));
	const stored = await db
		.insert(staffPasskey)
		.values({
			userId: input.userId,
			credentialId: info.credential.id,
			publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
			counter: info.credential.counter,
			transports: response.response.transports ?? [],
			createdAt: now
		})
		.onConflictDoNothing()
		.returning({ id: staffPasskey.id });
	if (stored.length === 0) return { ok: false, reason: 'invalid' };
	const recoveryCodes = firstFactor
		? await secondFactor.issueRecoveryCodes(db, input.userId)
		: null;
	await audit.record(db, {
		actorId: input.userId,
		clientId: null,
		action: 'auth.second_factor_enrolled',
		detail: { method: 'passkey' }
	});
	return { ok: true, recoveryCodes };
}

/** Options for `navigator.credentials.get`: one of this staff member's passkeys. */
export async function authenticationOptions(
	db: Db,
	input: { userId: string; sessionId: string; site: Site; now?: Date }
): Promise<PublicKeyCredentialRequestOptionsJSON> {
	const now = input.now ?? new Date();
	const keys = await db
		.select({ id: staffPasskey.credentialId, transports: staffPasskey.transports })
		.from(staffPasskey)
		.where(eq(staffPasskey.userId, input.userId));
	const options = await generateAuthenticationOptions({
		rpID: rpIdOf(input.site),
		allowCredentials: keys.map((k) => ({
			id: k.id,
			transports: k.transports as AuthenticatorTransport[]
		})),
		userVerification: 'preferred'
	});
	await storeChallenge(db, input.sessionId, 'authenticate', options.challenge, now);
	return options;
}

/**
 * Checks a passkey's signature: the challenge this session was given (once, not expired), a
 * passkey of this person, a counter that went up. Attempts are reserved first, on the same
 * limit as TOTP codes; a failure is audited.
 */
export async function authenticate(
	db: Db,
	input: { userId: string; sessionId: string; site: Site; response: unknown; now?: Date }
): Promise<PasskeyResult> {
	const now = input.now ?? new Date();
	const rules = [
		{
			key: secondFactor.secondFactorKey(input.userId),
			free: secondFactor.FREE_ATTEMPTS,
			kind: 'delay' as const
		}
	];
	const reserved = await rateLimit.reserveAttempt(db, rules, now);
	if (!reserved.ok)
		return { ok: false, reason: 'limited', retryAfterSeconds: reserved.retryAfterSeconds };
	const ok = await checkSignature(db, input, now);
	if (!ok) {
		await audit.record(db, {
			actorId: input.userId,
			clientId: null,
			action: 'auth.second_factor_failed',
			detail: { method: 'passkey' }
		});
		return { ok: false, reason: 'invalid' };
	}
	await rateLimit.clearAttempts(db, reserved.keys, now);
	return { ok: true, recoveryCodes: null };
}

async function checkSignature(
	db: Db,
	input: { userId: string; sessionId: string; site: Site; response: unknown },
	now: Date
): Promise<boolean> {
	const parsed = authenticationResponseSchema.safeParse(input.response);
	if (!parsed.success) return false;
	const response = parsed.data as AuthenticationResponseJSON;
	const challenge = await takeChallenge(
		db,
		input.sessionId,
		'authenticate',
		response.response.clientDataJSON,
		now
	);
	if (!challenge) return false;
	const [key] = await db
		.select()
		.from(staffPasskey)
		.where(and(eq(staffPasskey.credentialId, response.id), eq(staffPasskey.userId, input.userId)));
	if (!key) return false;
	let newCounter: number;
	try {
		const verified = await verifyAuthenticationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: input.site.origin,
			expectedRPID: rpIdOf(input.site),
			credential: {
				id: key.credentialId,
				publicKey: isoBase64URL.toBuffer(key.publicKey),
				counter: key.counter,
				transports: key.transports as AuthenticatorTransport[]
			},
			requireUserVerification: false
		});
		if (!verified.verified) return false;
		newCounter = verified.authenticationInfo.newCounter;
	} catch {
		return false;
	}
	// The counter only goes up (authenticators that keep none always say 0).
	const taken = await db
		.update(staffPasskey)
		.set({ counter: newCounter, lastUsedAt: now })
		.where(
			and(
				eq(staffPasskey.id, key.id),
				newCounter === 0 ? eq(staffPasskey.counter, 0) : lt(staffPasskey.counter, newCounter)
			)
		)
		.returning({ id: staffPasskey.id });
	return taken.length > 0;
}
