// Which element is a page's Largest Contentful Paint, and when (Lighthouse 12.2's own LCP
// element audit fails on Debian's newer Chromium: "RootCauses … frame_sequence"). Reads the
// browser's largest-contentful-paint entries in a 360 px wide page, against a running server:
//   npx tsx bench/lcp-element.ts http://localhost:4416 [cookie] /path ...
import { chromium } from '@playwright/test';

const [base, ...rest] = process.argv.slice(2);
const cookie = rest.find((a) => a.includes('='));
const paths = rest.filter((a) => a.startsWith('/'));
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
	for (const path of paths.length ? paths : ['/']) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		if (cookie) {
			const [name, ...value] = cookie.split('=');
			await context.addCookies([{ name: name!, value: value.join('='), url: base! }]);
		}
		const page = await context.newPage();
		await page.goto(base! + path, { waitUntil: 'networkidle' });
		const entries = await page.evaluate(
			() =>
				new Promise<string[]>((resolve) => {
					const out: string[] = [];
					new PerformanceObserver((list) => {
						for (const e of list.getEntries() as (PerformanceEntry & {
							element?: Element;
							size: number;
						})[])
							out.push(
								`${Math.round(e.startTime)} ms, ${e.size} px²: ${e.element?.outerHTML.slice(0, 120) ?? '(removed)'}`
							);
					}).observe({ type: 'largest-contentful-paint', buffered: true });
					setTimeout(() => resolve(out), 500);
				})
		);
		console.log(`${path}:\n  ${entries.join('\n  ')}`);
		await context.close();
	}
} finally {
	await browser.close();
}
