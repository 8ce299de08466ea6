import type { Role } from '../db/schema';

export type Access = 'public' | 'signed-in' | Role;

// One table for the whole app: the hook checks every request against it, and each role's
// layout checks it again for page loads. Route ids include groups, e.g. "/(client)/plan".
const RULES: [prefix: string, access: Access][] = [
	['/(client)', 'client'],
	['/api/client', 'client'],
	['/km', 'klantmanager'],
	['/api/km', 'klantmanager'],
	['/rapportage', 'reporter'],
	['/beheer', 'admin'],
	['/login', 'public'],
	['/logout', 'public'],
	['/activeren', 'public'],
	['/auth', 'public'],
	['/taal', 'public'],
	['/offline', 'public'],
	['/shell', 'public'],
	['/api/health', 'public'],
	// "Blijf ingelogd": any signed-in person may keep their own session alive.
	['/api/session', 'signed-in'],
	// The sync API checks its own keys (kit/api-v1.ts); no session is involved.
	['/api/v1', 'public'],
	// The benchmark's no-data page; answers 404 unless BENCH_COUNT_QUERIES is set.
	['/bench', 'public']
];

/** What a route needs. Unknown routes (404) are public so SvelteKit can answer them. */
export function accessFor(routeId: string | null): Access {
	if (routeId === null) return 'public';
	for (const [prefix, access] of RULES) {
		if (routeId === prefix || routeId.startsWith(prefix + '/')) return access;
	}
	return 'signed-in';
}

export function hasRole(
	user: { roles: readonly string[] } | null | undefined,
	role: Role
): boolean {
	return !!user && user.roles.includes(role);
}

export function mayAccess(
	user: { roles: readonly string[] } | null | undefined,
	access: Access
): boolean {
	if (access === 'public') return true;
	if (!user) return false;
	if (access === 'signed-in') return true;
	return hasRole(user, access);
}

const START_PAGES: [Role, string][] = [
	['client', '/'],
	['klantmanager', '/km'],
	['reporter', '/rapportage'],
	['admin', '/beheer']
];

/** Where a person lands after signing in: the first role they hold, in this order. */
export function startPage(roles: readonly string[]): string {
	return START_PAGES.find(([role]) => roles.includes(role))?.[1] ?? '/login';
}

/**
 * Only a plain same-origin path is followed after sign-in: printable ASCII that a URL may hold
 * as is (so no tab, CR/LF, space or non-Latin character a browser would strip or a header
 * would break on), starting with one "/" that is not followed by "/" or "\\".
 */
const PLAIN_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;

export function safeNext(next: string | null | undefined): string | null {
	if (!next || next.length > 500 || !PLAIN_PATH.test(next)) return null;
	// What a browser would make of it must still be this origin.
	const base = 'http://wegwijs.invalid';
	try {
		if (new URL(next, base).origin !== base) return null;
	} catch {
		return null;
	}
	return next;
}
