/**
 * What the service worker may put in a runtime cache. Pure, so it is unit-tested without a
 * worker, and imported by src/service-worker.ts (which may import plain modules only).
 *
 * Personal pages are sent with `Cache-Control: no-store` (see hooks.server.ts). On a shared
 * phone a cached copy would outlive the logout, so such a response must never reach a cache,
 * whatever strategy a route uses. The one exception, on purpose and with its own policy: the
 * recordings of content texts (./recordings).
 */

/** The parts of a Request the policy looks at (a real Request fits). */
export interface RequestLike {
	url: string;
	method: string;
}

/** The parts of a Response the policy looks at (a real Response fits). */
export interface ResponseLike {
	status: number;
	type?: string;
	redirected?: boolean;
	headers: { get(name: string): string | null };
}

/** Cache-Control directives that forbid a shared, long-lived copy in the Cache API. */
const FORBIDDEN_DIRECTIVES = new Set(['no-store', 'private']);

/** The directive names in a Cache-Control header, lower case, without their values. */
export function cacheControlDirectives(header: string | null): string[] {
	if (!header) return [];
	return header
		.split(',')
		.map((part) => part.split('=')[0]?.trim().toLowerCase() ?? '')
		.filter((name) => name !== '');
}

/** True when the server said this response must not be stored (no-store or private). */
export function forbidsStorage(cacheControl: string | null): boolean {
	return cacheControlDirectives(cacheControl).some((name) => FORBIDDEN_DIRECTIVES.has(name));
}

/**
 * Only a plain, successful, same-origin GET that the server allows to be stored.
 * Everything else (redirects, errors, opaque cross-origin answers, no-store, private) is
 * refused: a cached error or redirect would be replayed offline as if it were content.
 */
export function isCacheable(request: RequestLike, response: ResponseLike, origin: string): boolean {
	if (request.method.toUpperCase() !== 'GET') return false;
	if (!isSameOrigin(request.url, origin)) return false;
	// 'basic' is a same-origin answer; opaque and opaqueredirect hide their status and headers.
	if (response.type !== undefined && response.type !== 'basic' && response.type !== 'default') {
		return false;
	}
	if (response.status !== 200 || response.redirected) return false;
	if (forbidsStorage(response.headers.get('cache-control'))) return false;
	// The Cache API refuses `Vary: *` anyway (cache.put throws); say no before it does.
	if ((response.headers.get('vary') ?? '').split(',').some((v) => v.trim() === '*')) return false;
	return true;
}

function isSameOrigin(url: string, origin: string): boolean {
	try {
		return new URL(url, origin).origin === origin;
	} catch {
		return false;
	}
}
