import { describe, expect, it } from 'vitest';
import { isKeepableRecording, isRecordingUrl, keepRecordingMessage } from './recordings';

const ORIGIN = 'https://wegwijs.example.nl';
const ID = '0b9c6a8e-3f4d-4c1a-9e2b-5d6f7a8b9c0d';
const SRC = `/api/client/opname/${ID}?v=1733500000000`;

function response(
	init: { status?: number; type?: string; redirected?: boolean; headers?: HeadersInit } = {}
) {
	return {
		status: init.status ?? 200,
		type: init.type ?? 'basic',
		redirected: init.redirected ?? false,
		// As the server sends it to a signed-in client: no-store, yet kept on purpose.
		headers: new Headers(
			init.headers ?? { 'content-type': 'audio/wav', 'cache-control': 'no-store' }
		)
	};
}

const get = (path: string, origin = ORIGIN) => ({ url: new URL(path, origin).href, method: 'GET' });

describe('isRecordingUrl', () => {
	it('is a client recording of this app', () => {
		expect(isRecordingUrl(new URL(SRC, ORIGIN).href, ORIGIN)).toBe(true);
	});

	it.each([
		[`https://evil.example/api/client/opname/${ID}?v=1`, 'another origin'],
		[`/api/client/opname/${ID}/../../actions`, 'a path that leaves the folder'],
		['/api/client/opname/not-a-uuid?v=1', 'no id'],
		[`/beheer/opname/${ID}`, "the admin's address (never kept on a phone)"],
		[`/api/client/opname/${ID}?v=1&x=2`, 'other parameters'],
		['/plan', 'a personal page'],
		['not a url at all', 'garbage']
	])('refuses %s (%s)', (url: string) => {
		expect(isRecordingUrl(url, ORIGIN)).toBe(false);
	});
});

describe('isKeepableRecording', () => {
	it('keeps a whole recording although the server says no-store (content, not personal)', () => {
		expect(isKeepableRecording(get(SRC), response(), ORIGIN)).toBe(true);
	});

	it.each<[Parameters<typeof response>[0], string]>([
		[{ status: 206 }, 'a part of it (a Range answer)'],
		[{ status: 404 }, 'an error'],
		[{ status: 200, redirected: true }, 'a redirect to the sign-in page'],
		[{ type: 'opaque' }, 'an opaque answer'],
		[{ headers: { 'content-type': 'text/html' } }, 'a page instead of audio']
	])('refuses %o (%s)', (init) => {
		expect(isKeepableRecording(get(SRC), response(init), ORIGIN)).toBe(false);
	});

	it('refuses anything but GET and anything but a recording', () => {
		expect(isKeepableRecording({ url: get(SRC).url, method: 'POST' }, response(), ORIGIN)).toBe(
			false
		);
		expect(isKeepableRecording(get('/plan'), response(), ORIGIN)).toBe(false);
	});
});

describe('keepRecordingMessage', () => {
	it('reads the address from a message the page sent', () => {
		expect(keepRecordingMessage({ type: 'KEEP_RECORDING', url: SRC }, ORIGIN)).toBe(
			new URL(SRC, ORIGIN).href
		);
	});

	it.each([
		[{ type: 'KEEP_RECORDING', url: '/plan' }],
		[{ type: 'KEEP_RECORDING', url: 42 }],
		[{ type: 'SKIP_WAITING' }],
		[null],
		['KEEP_RECORDING']
	])('ignores %o', (data) => {
		expect(keepRecordingMessage(data, ORIGIN)).toBeNull();
	});
});
