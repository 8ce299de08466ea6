/**
 * Content before code (issue #19, Lighthouse LCP). SvelteKit sends every module of a page as a
 * `Link: rel=modulepreload` header and starts hydrating as soon as they are there. On a slow
 * phone line those 25 scripts share the bandwidth with the page's stylesheets, and when the
 * scripts are quick (cached, or a fast line) the browser runs hydration before it paints: the
 * page's text waited for the code (Mijn plan: first paint 2.3 s into the load, after every
 * script). Here the modules are asked for only once the page has been painted: the preload list
 * moves from the header into the page's own start-up script, which waits for the first frame.
 * The page works as before; it becomes interactive a moment after it is seen, not before.
 */

/** For `resolve(event, { preload })`: stylesheets in the header as before, modules kept aside. */
export function holdModules(modules: string[]) {
	return ({ type, path }: { type: string; path: string }): boolean => {
		if (type !== 'js') return type === 'css';
		modules.push(path);
		return false;
	};
}

// SvelteKit's start-up script (render.js): Promise.all([import(start), import(app)]).then(...).
const START = 'Promise.all([';
const STARTED = ']).then(([kit, app]) => {';

/**
 * Rewrites SvelteKit's start-up script so that it waits for the first frame (a
 * requestAnimationFrame, then a task: the paint of that frame is done), then preloads `modules`
 * and starts. No timer instead: on a busy phone the first frame may take seconds, and code that
 * ran before it made the page wait for it. A page opened in a hidden tab starts at once. A page without that script (no client code), or a SvelteKit that writes it
 * differently, is returned unchanged, as it would have been sent before.
 */
export function paintFirst(html: string, modules: string[]): string {
	const script = html.lastIndexOf('<script nonce=');
	const body = script < 0 ? -1 : html.indexOf('kit.start(', script);
	const start = script < 0 ? -1 : html.indexOf(START, script);
	const started = start < 0 ? -1 : html.indexOf(STARTED, start);
	// Both before kit.start(: the page data that follows may hold anything a person typed.
	if (modules.length === 0 || body < 0 || start < 0 || started < 0 || started > body) return html;
	const list = JSON.stringify(modules).replace(/</g, '\\u003c');
	const wait =
		'new Promise((r) => { if (document.visibilityState === "hidden") r(); else requestAnimationFrame(() => setTimeout(r)); }).then(() => {' +
		`for (const href of ${list}) { const l = document.createElement("link"); l.rel = "modulepreload"; l.href = href; document.head.append(l); }` +
		'return ';
	return (
		html.slice(0, start) +
		wait +
		html.slice(start, started) +
		']);})' +
		html.slice(started + 2)
	);
}
