import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * What a phone downloads to show a page the first time: the JavaScript the page imports
 * (modulepreload links and entry scripts) and its stylesheets, gzip-compressed as a server
 * would send them, read from the build output.
 */
export async function firstLoad(base: string, path: string, cookie?: string) {
	const res = await fetch(base + path, { headers: cookie ? { cookie } : {} });
	const html = await res.text();
	const js = new Set<string>();
	const css = new Set<string>();
	// SvelteKit announces what the page needs in the Link header (and in the HTML).
	for (const m of (res.headers.get('link') ?? '').matchAll(
		/<([^>]+)>;\s*rel="(modulepreload|preload)"/g
	)) {
		(m[1]!.endsWith('.css') ? css : js).add(m[1]!);
	}
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) js.add(m[1]!);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) js.add(m[1]!);
	for (const m of html.matchAll(/<link[^>]+href="([^"]+\.css)"[^>]*rel="stylesheet"/g))
		css.add(m[1]!);
	for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g))
		css.add(m[1]!);
	const gz = (file: string) => gzipSync(readFileSync(`build/client${file}`)).length;
	const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
	return {
		path,
		jsFiles: js.size,
		jsGzipBytes: sum(js),
		cssGzipBytes: sum(css),
		htmlGzipBytes: gzipSync(html).length
	};
}
