import type { Handle, RequestEvent, ResolveOptions } from '@sveltejs/kit';

/**
 * The app's hooks in order, as SvelteKit's `sequence` runs them, without its per-hook extras:
 * `sequence` wraps every hook in a tracing span, copies the event for it and enters the
 * request store again, and wraps `transformPageChunk` once per hook (ten async layers for every
 * chunk of HTML). With ten hooks that was a measurable share of a page that loads nothing (#19).
 * The app does not use SvelteKit's tracing; `getRequestEvent()` still works (the request store
 * is entered once, around `handle`).
 *
 * Options passed to `resolve` combine as in `sequence`: `transformPageChunk` of an inner hook
 * runs first, then the outer hook's; for `filterSerializedResponseHeaders` and `preload` the
 * outer hook's choice wins.
 */
export function chain(...handlers: Handle[]): Handle {
	return ({ event, resolve }) => {
		const step = (i: number, e: RequestEvent, outer?: ResolveOptions): ReturnType<Handle> => {
			const handle = handlers[i];
			if (!handle) return resolve(e, outer);
			return handle({
				event: e,
				resolve: (next, inner) => step(i + 1, next, combine(outer, inner))
			});
		};
		return step(0, event);
	};
}

function combine(outer?: ResolveOptions, inner?: ResolveOptions): ResolveOptions | undefined {
	if (!inner) return outer;
	if (!outer) return inner;
	const first = inner.transformPageChunk;
	const then = outer.transformPageChunk;
	return {
		transformPageChunk:
			first && then
				? async ({ html, done }) => {
						const once = (await first({ html, done })) ?? '';
						return (await then({ html: once, done })) ?? '';
					}
				: (first ?? then),
		filterSerializedResponseHeaders:
			outer.filterSerializedResponseHeaders ?? inner.filterSerializedResponseHeaders,
		preload: outer.preload ?? inner.preload
	};
}
