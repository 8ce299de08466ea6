import { chromium, type Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
	label: string;
	path: string;
	/** Every script the page loaded until the network was idle (not only modulepreload). */
	jsFiles: number;
	/** Their bodies gzip-compressed, so the figure does not depend on how they were sent. */
	jsGzipBytes: number;
	cssGzipBytes: number;
	/** The HTML as it came over the wire (compressed as the server sent it), body only. */
	htmlWireBytes: number;
	/** Scripts and data the service worker fetched for its precache in the background. */
	workerBytes: number;
	/** Each script (path) and its gzip size, largest first: where the JavaScript goes. */
	scripts: { path: string; gzipBytes: number }[];
}

/**
 * What a phone downloads to show a page the first time: a fresh browser profile (no cache, no
 * service worker yet) opens the page in Debian's Chromium and everything loaded until the
 * network is idle is counted, including what the page imports lazily after it started.
 */
export async function firstLoads(
	pages: { label: string; base: string; path: string; cookie?: string }[]
): Promise<FirstLoad[]> {
	const browser: Browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		const out: FirstLoad[] = [];
		for (const p of pages) {
			const context = await browser.newContext();
			if (p.cookie) {
				const [name, ...value] = p.cookie.split('=');
				await context.addCookies([{ name: name!, value: value.join('='), url: p.base }]);
			}
			const js = new Map<string, number>();
			const css = new Map<string, number>();
			let workerBytes = 0;
			const pending: Promise<unknown>[] = [];
			context.on('response', (res) => {
				const req = res.request();
				if (req.serviceWorker()) {
					pending.push(
						req
							.sizes()
							.then((s) => (workerBytes += s.responseBodySize))
							.catch(() => undefined)
					);
					return;
				}
				const type = req.resourceType();
				if (type !== 'script' && type !== 'stylesheet') return;
				const into = type === 'script' ? js : css;
				pending.push(
					res
						.body()
						.then((b) => into.set(res.url(), gzipSync(b).length))
						.catch(() => undefined)
				);
			});
			const page = await context.newPage();
			const nav = await page.goto(p.base + p.path, { waitUntil: 'networkidle' });
			if (!nav || nav.status() !== 200) throw new Error(`${p.path} answered ${nav?.status()}`);
			if (new URL(page.url()).pathname !== p.path.split('?')[0])
				throw new Error(`${p.path} ended on ${page.url()} (not signed in?)`);
			// Anything started while idle (the offline store after requestIdleCallback) too.
			await page.waitForTimeout(2500);
			await page.waitForLoadState('networkidle');
			const htmlWireBytes = (await nav.request().sizes()).responseBodySize;
			await Promise.all(pending);
			const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
			out.push({
				label: p.label,
				path: p.path,
				jsFiles: js.size,
				jsGzipBytes: sum(js),
				cssGzipBytes: sum(css),
				htmlWireBytes,
				workerBytes,
				scripts: [...js]
					.map(([url, gzipBytes]) => ({ path: new URL(url).pathname, gzipBytes }))
					.sort((a, b) => b.gzipBytes - a.gzipBytes)
			});
			await context.close();
		}
		return out;
	} finally {
		await browser.close();
	}
}
