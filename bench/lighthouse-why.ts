// Why a page's Lighthouse LCP and CLS are what they are: one Lighthouse mobile run per page
// (as bench/lighthouse.ts) as Lars, printing the layout shifts (score and the element that
// moved, from the trace), the observed (unthrottled) FCP and LCP, and every request with its
// end time. Lantern builds the simulated LCP from every request that ended before the observed
// LCP (except low-priority images) and every CPU task before it, so the list says what the
// simulated LCP waits for. The report is kept in /tmp/lighthouse-why-<page>.json.
//   npx vite build && BENCH_PORT=4406 npx tsx bench/lighthouse-why.ts [/path ...]
import { writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { demoCookie, startServer } from './server';

const port = Number(process.env.BENCH_PORT ?? 4301);
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const server = await startServer({ port });
try {
	const lars = await demoCookie(server.base, 'lars');
	for (const path of paths.length ? paths : ['/', '/plan']) {
		const chrome = await chromeLauncher.launch({
			chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			chromeFlags: [
				'--headless=new',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-default-apps',
				'--disable-extensions',
				'--disable-sync',
				'--metrics-recording-only',
				'--no-first-run'
			]
		});
		try {
			const r = await lighthouse(server.base + path, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility'],
				extraHeaders: path === '/login' ? undefined : { cookie: lars }
			});
			const lhr = r!.lhr;
			writeFileSync(
				`/tmp/lighthouse-why-${path.replace(/\W+/g, '_') || 'home'}.json`,
				JSON.stringify(lhr)
			);
			const audit = (id: string) => lhr.audits[id] as unknown as Record<string, unknown>;
			const metrics = (audit('metrics')?.details as { items: Record<string, number>[] })
				?.items?.[0];
			console.log(
				`\n## ${path}: performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}`
			);
			console.log(
				`LCP ${Math.round(metrics?.largestContentfulPaint ?? NaN)} ms simulated, observed FCP ${metrics?.observedFirstContentfulPaint} ms, observed LCP ${metrics?.observedLargestContentfulPaint} ms, CLS ${metrics?.cumulativeLayoutShift}`
			);
			for (const id of ['layout-shifts', 'largest-contentful-paint-element']) {
				const a = audit(id);
				const items =
					(a?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
				console.log(`${id}: ${a?.errorMessage ?? a?.displayValue ?? ''}`);
				for (const item of items) {
					const node = item.node as { snippet?: string; selector?: string } | undefined;
					console.log(
						`  ${item.score ?? ''} ${node?.selector ?? ''} ${node?.snippet?.slice(0, 140) ?? JSON.stringify(item).slice(0, 200)}`
					);
				}
			}
			const requests =
				(audit('network-requests')?.details as { items: Record<string, never>[] })?.items ?? [];
			const lcp = metrics?.observedLargestContentfulPaint ?? Infinity;
			console.log('requests (ms from navigation start; * = ended before the observed LCP):');
			for (const q of requests) {
				const url = String(q.url).replace(server.base, '');
				console.log(
					`  ${Number(q.networkEndTime) <= lcp ? '*' : ' '} ${Math.round(q.networkRequestTime)}–${Math.round(q.networkEndTime)} ${q.resourceType} ${q.priority} ${(Number(q.transferSize) / 1024).toFixed(1)} KB ${url.slice(0, 90)}`
				);
			}
		} finally {
			chrome.kill();
		}
	}
} finally {
	await server.stop();
}
