import { describe, expect, it } from 'vitest';
import { cacheControlDirectives, forbidsStorage, isCacheable } from './cache-policy';

const ORIGIN = 'https://wegwijs.example.nl';

function response(
	init: { status?: number; type?: string; redirected?: boolean; headers?: HeadersInit } = {}
) {
	return {
		status: init.status ?? 200,
		type: init.type ?? 'basic',
		redirected: init.redirected ?? false,
		headers: new Headers(init.headers)
	};
}

const get = (path: string) => ({ url: new URL(path, ORIGIN).href, method: 'GET' });

describe('cacheControlDirectives', () => {
	it('lists directive names without values, lower case', () => {
		expect(cacheControlDirectives('Max-Age=60, PRIVATE="set-cookie" , no-cache')).toEqual([
			'max-age',
			'private',
			'no-cache'
		]);
	});

	it('is empty for a missing header', () => {
		expect(cacheControlDirectives(null)).toEqual([]);
	});
});

describe('forbidsStorage', () => {
	it.each(['no-store', 'private', 'No-Store', 'max-age=0, no-store', 'private="set-cookie"'])(
		'forbids %s',
		(header) => expect(forbidsStorage(header)).toBe(true)
	);

	it.each([null, '', 'public, max-age=600', 'no-cache', 'max-age=0, must-revalidate'])(
		'allows %s',
		(header) => expect(forbidsStorage(header)).toBe(false)
	);
});

describe('isCacheable', () => {
	it('accepts a public same-origin GET 200', () => {
		const ok = response({ headers: { 'cache-control': 'public, max-age=600' } });
		expect(isCacheable(get('/uitleg/rechten'), ok, ORIGIN)).toBe(true);
	});

	it('accepts a 200 without Cache-Control', () => {
		expect(isCacheable(get('/login'), response(), ORIGIN)).toBe(true);
	});

	it('accepts a Response object as built by fetch', () => {
		const real = new Response('<p>hallo</p>', { status: 200 });
		expect(isCacheable(get('/'), real, ORIGIN)).toBe(true);
	});

	it('refuses a personal page sent with no-store', () => {
		const personal = response({ headers: { 'cache-control': 'no-store' } });
		expect(isCacheable(get('/plan'), personal, ORIGIN)).toBe(false);
	});

	it('refuses private, in any case and among other directives', () => {
		const personal = response({ headers: { 'Cache-Control': 'max-age=60, Private' } });
		expect(isCacheable(get('/afspraken'), personal, ORIGIN)).toBe(false);
	});

	it.each([201, 204, 206, 301, 304, 400, 401, 403, 404, 500, 503])(
		'refuses status %i',
		(status) => {
			expect(isCacheable(get('/'), response({ status }), ORIGIN)).toBe(false);
		}
	);

	it('refuses an opaque redirect (a navigation that was redirected, e.g. to /login)', () => {
		const redirect = response({ status: 0, type: 'opaqueredirect' });
		expect(isCacheable(get('/plan'), redirect, ORIGIN)).toBe(false);
	});

	it('refuses a followed redirect', () => {
		expect(isCacheable(get('/'), response({ redirected: true }), ORIGIN)).toBe(false);
	});

	it('refuses cross-origin requests, also when they look successful', () => {
		const other = { url: 'https://cdn.example.com/logo.png', method: 'GET' };
		expect(isCacheable(other, response(), ORIGIN)).toBe(false);
		expect(isCacheable(other, response({ status: 0, type: 'opaque' }), ORIGIN)).toBe(false);
		expect(isCacheable(other, response({ type: 'cors' }), ORIGIN)).toBe(false);
	});

	it('refuses the same host on another port or scheme', () => {
		const http = { url: 'http://wegwijs.example.nl/', method: 'GET' };
		const port = { url: 'https://wegwijs.example.nl:8443/', method: 'GET' };
		expect(isCacheable(http, response(), ORIGIN)).toBe(false);
		expect(isCacheable(port, response(), ORIGIN)).toBe(false);
	});

	it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])('refuses %s', (method) => {
		expect(isCacheable({ url: `${ORIGIN}/`, method }, response(), ORIGIN)).toBe(false);
	});

	it('refuses Vary: * (the Cache API would throw)', () => {
		expect(isCacheable(get('/'), response({ headers: { vary: 'Cookie, *' } }), ORIGIN)).toBe(false);
	});

	it('still accepts Vary: Cookie (every page carries it)', () => {
		expect(isCacheable(get('/'), response({ headers: { vary: 'Cookie' } }), ORIGIN)).toBe(true);
	});

	it('refuses a URL it cannot parse', () => {
		expect(isCacheable({ url: 'http://[', method: 'GET' }, response(), ORIGIN)).toBe(false);
	});
});
