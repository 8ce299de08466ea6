import { describe, expect, it } from 'vitest';
import { isClientPage, offlineDataResponseBody } from './offline-routes';
import { OFFLINE_MARKER } from '../offline/page-data';

describe('offline routes', () => {
	it('knows the client pages and nothing else', () => {
		expect(isClientPage('/')).toBe(true);
		expect(isClientPage('/plan')).toBe(true);
		expect(isClientPage('/afspraken/0b7c2f0e-0000-4000-8000-000000000000')).toBe(true);
		expect(isClientPage('/planning')).toBe(false);
		expect(isClientPage('/km')).toBe(false);
		expect(isClientPage('/login')).toBe(false);
	});

	it('answers each requested node with the offline marker and skips the others', () => {
		const body = JSON.parse(
			offlineDataResponseBody(new URL('http://x/plan/__data.json?x-sveltekit-invalidated=011'))
		);
		expect(body.nodes).toEqual([
			{ type: 'skip' },
			{ type: 'data', data: [{ [OFFLINE_MARKER]: 1 }, true], uses: {} },
			{ type: 'data', data: [{ [OFFLINE_MARKER]: 1 }, true], uses: {} }
		]);
	});
});
