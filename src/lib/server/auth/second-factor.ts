import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import {
	decodeBase64,
	encodeBase32LowerCaseNoPadding,
	encodeBase32UpperCaseNoPadding,
	encodeBase64,
	encodeHexLowerCase
} from '@oslojs/encoding';
import type { Db } from '../db/open';
import { recoveryCode, session, staffPasskey, staffTotp, user } from '../db/schema';
import { documentKey } from '../keys';
import { open, seal } from '../documents/seal';
import * as rateLimit from './rate-limit';
import { isStaffRoles } from './session';
import * as audit from '../audit/audit';

// The second factor for staff who sign in with a password (#14): TOTP (RFC 6238: 30-second
// steps, 6 digits, as every authenticator app makes them) plus ten single-use recovery codes.

export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Codes of one step before and after now are accepted (clock drift, typing time). */
export const WINDOW_STEPS = 1;
export const RECOVERY_CODES = 10;
/** Attempts before delays start, as for a password (growing waits, never a lock). */
export const FREE_ATTEMPTS = 5;
const ISSUER = 'Wegwijs';

export const secondFactorKey = (userId: string) => `second-factor:${userId}`;

/**
 * Who must give a second factor after a password: every staff member (any role besides
 * client). Staff signing in through the staff OIDC provider gave it there; demo sign-in exists
 * only in demo mode.
 */
export function mustGiveSecondFactor(roles: readonly string[]): boolean {
	return isStaffRoles(roles);
}

export function stepAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

/** The code an authenticator shows at `now` (tests and the browser test compute it too). */
export function codeAt(key: Uint8Array, now: Date, offsetSteps = 0): string {
	return generateHOTP(key, BigInt(stepAt(now) + offsetSteps), DIGITS);
}

const hashCode = (code: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(code)));
/** Recovery codes are typed by people: case, spaces and dashes do not matter. */
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** TOTP keys are sealed at rest with the document key (AES-256-GCM), marked by this prefix. */
const SEALED = 'sealed:';

export function sealKey(key: Uint8Array): string {
	return SEALED + encodeBase64(seal(documentKey(), Buffer.from(key)));
}

/** The key from the column: sealed, or a plain base64 key written before sealing existed. */
export function openKey(stored: string): Uint8Array {
	if (!stored.startsWith(SEALED)) return decodeBase64(stored);
	return new Uint8Array(
		open(documentKey(), Buffer.from(decodeBase64(stored.slice(SEALED.length))))
	);
}

/** Seals a key still stored plain (from before sealing); a no-op when someone else did it first. */
async function resealIfPlain(db: Db, userId: string, stored: string, key: Uint8Array) {
	if (stored.startsWith(SEALED)) return;
	await db
		.update(staffTotp)
		.set({ secret: sealKey(key) })
		.where(and(eq(staffTotp.userId, userId), eq(staffTotp.secret, stored)));
}

/** A confirmed TOTP key (a code from the app works for re-authentication). */
export async function hasTotp(db: Db, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: staffTotp.userId })
		.from(staffTotp)
		.where(and(eq(staffTotp.userId, userId), isNotNull(staffTotp.confirmedAt)));
	return !!row;
}

/** Any second factor set up: a confirmed TOTP key or a passkey. */
export async function isEnrolled(db: Db, userId: string): Promise<boolean> {
	if (await hasTotp(db, userId)) return true;
	const [key] = await db
		.select({ id: staffPasskey.id })
		.from(staffPasskey)
		.where(eq(staffPasskey.userId, userId))
		.limit(1);
	return !!key;
}

export interface SetupKey {
	/** For typing into an app by hand: base32, in groups of four. */
	secret: string;
	/** otpauth:// URI, shown as a QR code. */
	uri: string;
}

/**
 * The key to set up for a staff member who has none confirmed yet. Within one half sign-in
 * (`since`: when it started) the same unconfirmed key is shown again, so a mistyped code does
 * not change the QR code someone just scanned; a later sign-in gets a new key, so a key is never
 * shown to another session. A confirmed key is never replaced here (null).
 */
export async function beginSetup(
	db: Db,
	user: { id: string; email: string | null },
	since: Date
): Promise<SetupKey | null> {
	const [existing] = await db.select().from(staffTotp).where(eq(staffTotp.userId, user.id));
	if (existing?.confirmedAt) return null;
	let key: Uint8Array;
	if (existing && existing.createdAt.getTime() >= since.getTime()) {
		key = openKey(existing.secret);
	} else {
		key = new Uint8Array(20);
		crypto.getRandomValues(key);
		const rows = await db
			.insert(staffTotp)
			.values({ userId: user.id, secret: sealKey(key), createdAt: new Date() })
			.onConflictDoUpdate({
				target: staffTotp.userId,
				set: { secret: sealKey(key), lastStep: null, createdAt: new Date() },
				setWhere: isNull(staffTotp.confirmedAt)
			})
			.returning({ userId: staffTotp.userId });
		if (rows.length === 0) return null; // confirmed in the meantime
	}
	const secret = encodeBase32UpperCaseNoPadding(key);
	return {
		secret: secret.match(/.{1,4}/g)!.join(' '),
		uri: createTOTPKeyURI(ISSUER, user.email ?? user.id, key, STEP_SECONDS, DIGITS)
	};
}

export type VerifyResult =
	| { ok: true; method: 'totp' | 'recovery' }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * Checks a TOTP code in the window, or a recovery code. A TOTP step is taken with one
 * conditional update (`last_step < step`), so the same code — or an older one — is refused
 * the second time even when both arrive at once; a recovery code likewise is used once.
 * Attempts are reserved before the check, like a password sign-in.
 */
export async function verify(
	db: Db,
	userId: string,
	input: string,
	now = new Date(),
	options: { confirming?: boolean } = {}
): Promise<VerifyResult> {
	const rules = [{ key: secondFactorKey(userId), free: FREE_ATTEMPTS, kind: 'delay' as const }];
	const reserved = await rateLimit.reserveAttempt(db, rules, now);
	if (!reserved.ok)
		return { ok: false, reason: 'limited', retryAfterSeconds: reserved.retryAfterSeconds };
	const typed = input.replace(/\s/g, '');
	let method: 'totp' | 'recovery' | null = null;
	if (/^\d{6}$/.test(typed)) {
		if (await takeTotpStep(db, userId, typed, now, options.confirming ?? false)) method = 'totp';
	} else if (!options.confirming && typed.length >= 10 && typed.length <= 40) {
		if (await useRecoveryCode(db, userId, typed, now)) method = 'recovery';
	}
	if (!method) {
		await audit.record(db, {
			actorId: userId,
			clientId: null,
			action: 'auth.second_factor_failed',
			detail: { method: /^\d+$/.test(typed) ? 'totp' : 'recovery' }
		});
		return { ok: false, reason: 'invalid' };
	}
	await rateLimit.clearAttempts(db, reserved.keys, now);
	return { ok: true, method };
}

async function takeTotpStep(
	db: Db,
	userId: string,
	code: string,
	now: Date,
	confirming: boolean
): Promise<boolean> {
	const [row] = await db
		.select({ secret: staffTotp.secret, lastStep: staffTotp.lastStep })
		.from(staffTotp)
		.where(
			and(
				eq(staffTotp.userId, userId),
				confirming ? isNull(staffTotp.confirmedAt) : isNotNull(staffTotp.confirmedAt)
			)
		);
	if (!row) return false;
	const key = openKey(row.secret);
	await resealIfPlain(db, userId, row.secret, key);
	const current = stepAt(now);
	const given = new TextEncoder().encode(code);
	let matched: number | null = null;
	for (let step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
		const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), DIGITS));
		if (constantTimeEqual(expected, given)) matched = step;
	}
	if (matched === null) return false;
	// Replay: only a step later than the last one used may be taken.
	const taken = await db
		.update(staffTotp)
		.set({ lastStep: matched, ...(confirming ? { confirmedAt: now } : {}) })
		.where(
			and(
				eq(staffTotp.userId, userId),
				or(isNull(staffTotp.lastStep), lt(staffTotp.lastStep, matched))
			)
		)
		.returning({ userId: staffTotp.userId });
	return taken.length > 0;
}

async function useRecoveryCode(db: Db, userId: string, code: string, now: Date) {
	const used = await db
		.update(recoveryCode)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCode.userId, userId),
				eq(recoveryCode.codeHash, hashCode(normaliseRecovery(code))),
				isNull(recoveryCode.usedAt)
			)
		)
		.returning({ id: recoveryCode.id });
	return used.length > 0;
}

/**
 * Confirms the key shown at setup with a code from the app, and returns ten new recovery
 * codes: shown once, stored only as hashes. Earlier recovery codes stop working.
 */
export async function confirmSetup(
	db: Db,
	userId: string,
	code: string,
	now = new Date()
): Promise<{ ok: true; recoveryCodes: string[] } | Exclude<VerifyResult, { ok: true }>> {
	const result = await verify(db, userId, code, now, { confirming: true });
	if (!result.ok) return result;
	// A passkey set up first already gave recovery codes; TOTP as well gives fresh ones.
	const codes = await issueRecoveryCodes(db, userId);
	await audit.record(db, {
		actorId: userId,
		clientId: null,
		action: 'auth.second_factor_enrolled',
		detail: { method: 'totp' }
	});
	return { ok: true, recoveryCodes: codes };
}

/** Ten new recovery codes: shown once, stored only as hashes; earlier ones stop working. */
export async function issueRecoveryCodes(db: Db, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODES }, () => {
		const bytes = new Uint8Array(7);
		crypto.getRandomValues(bytes);
		const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10);
		return `${raw.slice(0, 5)}-${raw.slice(5)}`;
	});
	await db.transaction(async (tx) => {
		await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
		await tx
			.insert(recoveryCode)
			.values(codes.map((c) => ({ userId, codeHash: hashCode(normaliseRecovery(c)) })));
	});
	return codes;
}

/** Recovery codes not yet used (shown to the person so they know when to make new ones). */
export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(recoveryCode)
		.where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
	return row?.n ?? 0;
}

export type ResetResult = 'ok' | 'own' | 'not-found';

/**
 * An admin wipes a staff member's second factor (phone and recovery codes lost): the TOTP key,
 * passkeys and recovery codes go, every session of that person ends, and the next sign-in sets
 * up a second factor again. Never one's own: someone at an admin's unlocked PC must not be able
 * to take over that admin's sign-in. The route asks for re-authentication first.
 */
export async function resetByAdmin(
	db: Db,
	input: { actorId: string; userId: string }
): Promise<ResetResult> {
	if (input.actorId === input.userId) return 'own';
	return db.transaction(async (tx) => {
		const [target] = await tx
			.select({ id: user.id, roles: user.roles })
			.from(user)
			.where(eq(user.id, input.userId));
		if (!target || !isStaffRoles(target.roles)) return 'not-found';
		const totp = await tx
			.delete(staffTotp)
			.where(eq(staffTotp.userId, input.userId))
			.returning({ confirmedAt: staffTotp.confirmedAt });
		const keys = await tx
			.delete(staffPasskey)
			.where(eq(staffPasskey.userId, input.userId))
			.returning({ id: staffPasskey.id });
		await tx.delete(recoveryCode).where(eq(recoveryCode.userId, input.userId));
		await tx.delete(session).where(eq(session.userId, input.userId));
		await audit.record(tx, {
			actorId: input.actorId,
			clientId: null,
			action: 'auth.second_factor_reset',
			detail: {
				userId: input.userId,
				removed: [
					...(totp.some((t) => t.confirmedAt) ? ['totp'] : []),
					...(keys.length ? ['passkey'] : [])
				],
				...(keys.length ? { count: keys.length } : {})
			}
		});
		return 'ok';
	});
}
