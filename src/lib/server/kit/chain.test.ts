import { describe, expect, it } from 'vitest';
import type { Handle, RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { chain } from './chain';

const locals: Record<string, unknown> = {};
const event = { locals } as unknown as RequestEvent;

/** SvelteKit's resolve, reduced to what the hooks see: it renders "<p>page</p>" with the options. */
function fakeResolve(seen: { options?: ResolveOptions }) {
	return async (_e: RequestEvent, options?: ResolveOptions) => {
		seen.options = options;
		const html =
			(await options?.transformPageChunk?.({ html: '<p>page</p>', done: true })) ?? '<p>page</p>';
		return new Response(html);
	};
}

describe('chain (the hooks in order, as sequence)', () => {
	it('runs every hook in order, each around the next, and lets a hook change the answer', async () => {
		const order: string[] = [];
		const a: Handle = async ({ event, resolve }) => {
			order.push('a in');
			const r = await resolve(event);
			order.push('a out');
			r.headers.set('x-a', '1');
			return r;
		};
		const b: Handle = async ({ event, resolve }) => {
			order.push('b in');
			(event.locals as unknown as Record<string, unknown>).fromB = true;
			const r = await resolve(event);
			order.push('b out');
			return r;
		};
		const seen: { options?: ResolveOptions } = {};
		const r = await chain(a, b)({ event, resolve: fakeResolve(seen) });
		expect(order).toEqual(['a in', 'b in', 'b out', 'a out']);
		expect(r.headers.get('x-a')).toBe('1');
		expect(locals.fromB).toBe(true);
	});

	it('stops at a hook that answers itself: the later hooks and the page do not run', async () => {
		let later = false;
		let page = false;
		const refuse: Handle = () =>
			new Response(null, { status: 303, headers: { location: '/login' } });
		const after: Handle = ({ event, resolve }) => {
			later = true;
			return resolve(event);
		};
		const r = await chain(
			refuse,
			after
		)({
			event,
			resolve: () => {
				page = true;
				return new Response('page');
			}
		});
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/login');
		expect([later, page]).toEqual([false, false]);
	});

	it('applies transformPageChunk of the inner hook first, then the outer one (as sequence)', async () => {
		const outer: Handle = ({ event, resolve }) =>
			resolve(event, { transformPageChunk: ({ html }) => `<outer>${html}</outer>` });
		const plain: Handle = ({ event, resolve }) => resolve(event);
		const inner: Handle = ({ event, resolve }) =>
			resolve(event, { transformPageChunk: ({ html }) => html.replace('page', 'inner') });
		const r = await chain(outer, plain, inner)({ event, resolve: fakeResolve({}) });
		expect(await r.text()).toBe('<outer><p>inner</p></outer>');
	});

	it("passes the outer hook's preload and header filter on, over an inner hook's", async () => {
		const outerPreload = () => true;
		const innerPreload = () => false;
		const innerFilter = (name: string) => name === 'x-inner';
		const outer: Handle = ({ event, resolve }) => resolve(event, { preload: outerPreload });
		const inner: Handle = ({ event, resolve }) =>
			resolve(event, { preload: innerPreload, filterSerializedResponseHeaders: innerFilter });
		const seen: { options?: ResolveOptions } = {};
		await chain(outer, inner)({ event, resolve: fakeResolve(seen) });
		expect(seen.options?.preload).toBe(outerPreload);
		expect(seen.options?.filterSerializedResponseHeaders).toBe(innerFilter);
	});

	it('hands a changed event to the hooks after it', async () => {
		const other = { locals: { who: 'other' } } as unknown as RequestEvent;
		const swap: Handle = ({ resolve }) => resolve(other);
		let got: RequestEvent | undefined;
		await chain(swap)({
			event,
			resolve: (e) => {
				got = e;
				return new Response('');
			}
		});
		expect(got).toBe(other);
	});
});
