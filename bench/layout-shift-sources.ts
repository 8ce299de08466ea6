// What moves on a page, and what its Largest Contentful Paint is, on Lighthouse's phone
// (412 × 823, 1.75 device pixels, touch) with its throttling applied for real (slow 4G:
// 150 ms, 1.6 Mbit/s down; 4× slower CPU), from the browser's own layout-shift and
// largest-contentful-paint entries, against a running server:
//   npx tsx bench/layout-shift-sources.ts http://localhost:4406 [cookie] /path ...
// Without throttling (how tests/e2e runs) with --fast.
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const fast = args.includes('--fast');
const [base, ...rest] = args.filter((a) => a !== '--fast');
const cookie = rest.find((a) => a.includes('='));
const paths = rest.filter((a) => a.startsWith('/'));
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});

interface Seen {
	shifts: { at: number; value: number; sources: string[] }[];
	lcp: string[];
}
declare global {
	interface Window {
		__seen: Seen;
	}
}

try {
	for (const path of paths.length ? paths : ['/']) {
		const context = await browser.newContext({
			viewport: { width: 412, height: 823 },
			deviceScaleFactor: 1.75,
			isMobile: true,
			hasTouch: true,
			locale: 'nl-NL'
		});
		if (cookie) {
			const [name, ...value] = cookie.split('=');
			await context.addCookies([{ name: name!, value: value.join('='), url: base! }]);
		}
		const page = await context.newPage();
		if (!fast) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 150,
				downloadThroughput: (1.6 * 1024 * 1024) / 8,
				uploadThroughput: (750 * 1024) / 8
			});
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		}
		// A string, not a function: tsx would add helpers (__name) the page does not have.
		await page.addInitScript({
			content: `
				const describe = (n) => n instanceof Element
					? n.outerHTML.replace(/\\s+/g, ' ').slice(0, 110)
					: (n?.textContent?.slice(0, 60) ?? '(gone)');
				window.__seen = { shifts: [], lcp: [] };
				new PerformanceObserver((list) => {
					for (const e of list.getEntries())
						window.__seen.shifts.push({
							at: Math.round(e.startTime),
							value: e.value,
							sources: e.sources.map((s) => describe(s.node) + ' y ' + Math.round(s.previousRect.y) + '→' +
								Math.round(s.currentRect.y) + ' h ' + Math.round(s.previousRect.height) + '→' + Math.round(s.currentRect.height))
						});
				}).observe({ type: 'layout-shift', buffered: true });
				new PerformanceObserver((list) => {
					for (const e of list.getEntries())
						window.__seen.lcp.push(Math.round(e.startTime) + ' ms, ' + e.size + ' px²: ' + describe(e.element));
				}).observe({ type: 'largest-contentful-paint', buffered: true });`
		});
		await page.goto(base! + path, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(4000);
		const seen = await page.evaluate(() => window.__seen);
		const total = seen.shifts.reduce((s, e) => s + e.value, 0);
		console.log(
			`${path} (${fast ? 'no throttling' : 'slow 4G, 4× CPU'}): shift ${total.toFixed(4)}`
		);
		for (const s of seen.shifts) {
			console.log(`  ${s.at} ms  ${s.value.toFixed(4)}`);
			for (const src of s.sources) console.log(`      ${src}`);
		}
		console.log('  LCP entries:');
		for (const l of seen.lcp) console.log(`    ${l}`);
		await context.close();
	}
} finally {
	await browser.close();
}
