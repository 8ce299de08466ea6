import { describe, expect, it } from 'vitest';
import { holdModules, paintFirst } from './paint-first';

// SvelteKit 2's start-up script as render.js writes it (nonce from the CSP).
const page = (data: string) => `<!doctype html><html><head>
		<link href="/_app/immutable/assets/0.css" rel="stylesheet">
	</head><body><div style="display: contents"><main><p>Je plan</p></main>
			<script nonce="abc">
				{
					__sveltekit_x = { base: "" };
					const element = document.currentScript.parentElement;
					Promise.all([
						import("/_app/immutable/entry/start.js"),
						import("/_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 2], data: [${data}], form: null, error: null });
					});
				}
			</script></div></body></html>`;

const MODULES = ['/_app/immutable/entry/start.js', '/_app/immutable/chunks/a.js'];

/** Runs the page's start-up script with a browser stand-in; says what happened, in order. */
function run(html: string, hidden = false) {
	const script = html.slice(html.indexOf('>', html.lastIndexOf('<script')) + 1, html.lastIndexOf('</script>'));
	const log: string[] = [];
	const frames: (() => void)[] = [];
	const timers: (() => void)[] = [];
	const document = {
		visibilityState: hidden ? 'hidden' : 'visible',
		currentScript: { parentElement: 'root' },
		createElement: () => ({}) as { rel?: string; href?: string },
		head: { append: (l: { rel: string; href: string }) => log.push(`${l.rel} ${l.href}`) }
	};
	const imported = (url: string) => {
		log.push(`import ${url}`);
		return Promise.resolve({ start: () => log.push('start') });
	};
	new Function(
		'document',
		'requestAnimationFrame',
		'setTimeout',
		'__import',
		script.replace(/\bimport\(/g, '__import(')
	)(document, (f: () => void) => frames.push(f), (f: () => void) => timers.push(f), imported);
	return {
		log,
		/** The browser paints a frame, then runs what waits for the task after it. */
		paint: async () => {
			frames.splice(0).forEach((f) => f());
			timers.splice(0).forEach((f) => f());
			await new Promise((r) => setImmediate(r));
		}
	};
}

describe('paintFirst', () => {
	it('starts the page only after its first frame, then asks for every module', async () => {
		const html = paintFirst(page('{}'), MODULES);
		const { log, paint } = run(html);
		await new Promise((r) => setImmediate(r));
		expect(log).toEqual([]); // nothing asked for before the paint
		await paint();
		expect(log).toEqual([
			'modulepreload /_app/immutable/entry/start.js',
			'modulepreload /_app/immutable/chunks/a.js',
			'import /_app/immutable/entry/start.js',
			'import /_app/immutable/entry/app.js',
			'start'
		]);
	});

	it('a page opened in a hidden tab (no frames there) starts at once', async () => {
		const { log } = run(paintFirst(page('{}'), MODULES), true);
		await new Promise((r) => setImmediate(r));
		expect(log).toContain('start');
	});

	it('the page as sent before starts at once (what the rewrite changes)', async () => {
		const { log } = run(page('{}'));
		await new Promise((r) => setImmediate(r));
		expect(log[0]).toBe('import /_app/immutable/entry/start.js');
	});

	it('leaves page data alone, also when a person typed the words it looks for', async () => {
		const typed = '{note:"Promise.all([ ]).then(([kit, app]) => { </script>"}';
		const html = paintFirst(page(typed), MODULES);
		expect(html).toContain(typed);
		expect(html.match(/requestAnimationFrame/g)).toHaveLength(1);
	});

	it('changes nothing on a page without the start-up script or without modules', () => {
		const plain = '<!doctype html><html><body><p>Offline</p></body></html>';
		expect(paintFirst(plain, MODULES)).toBe(plain);
		expect(paintFirst(page('{}'), [])).toBe(page('{}'));
		// A start-up script written differently (another SvelteKit): sent as it was.
		const other = page('{}').replace('Promise.all([', 'Promise.allSettled([');
		expect(paintFirst(other, MODULES)).toBe(other);
	});

	it('keeps stylesheets in the header and takes the modules out of it', () => {
		const modules: string[] = [];
		const preload = holdModules(modules);
		expect(preload({ type: 'css', path: '/a.css' })).toBe(true);
		expect(preload({ type: 'js', path: '/a.js' })).toBe(false);
		expect(preload({ type: 'font', path: '/a.woff2' })).toBe(false);
		expect(modules).toEqual(['/a.js']);
	});
});
