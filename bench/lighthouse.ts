// Lighthouse (mobile defaults: a mid-range phone, simulated slow 4G and 4× CPU slowdown)
// against the running server, driving Debian's Chromium. Nothing is downloaded: the browser
// is CHROME_PATH (default /usr/bin/chromium) and the audits run on this machine.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export interface LighthouseResult {
	label: string;
	path: string;
	runs: number;
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
};

/**
 * Runs each page `runs` times and keeps the median of every figure. Each page gets a browser of
 * its own: a signed-in page's response may set a refreshed session cookie, and a browser that
 * kept it would be sent from the sign-in page to Home.
 */
export async function runLighthouse(
	base: string,
	pages: { label: string; path: string; cookie?: string; base?: string }[],
	runs = 3
): Promise<LighthouseResult[]> {
	const launch = () =>
		chromeLauncher.launch({
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
	const results: LighthouseResult[] = [];
	for (const page of pages) {
		const chrome = await launch();
		try {
			const samples: Omit<LighthouseResult, 'label' | 'path' | 'runs'>[] = [];
			for (let i = 0; i < runs; i++) {
				const url = (page.base ?? base) + page.path;
				const r = await lighthouse(url, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices'],
					extraHeaders: page.cookie ? { cookie: page.cookie } : undefined
				});
				const lhr = r?.lhr;
				if (!lhr) throw new Error(`Lighthouse gave no result for ${page.path}`);
				if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
				const final = lhr.finalDisplayedUrl ?? lhr.finalUrl ?? '';
				if (new URL(final).pathname !== new URL(url).pathname) {
					throw new Error(`Lighthouse for ${page.path} ended on ${final} (not signed in?)`);
				}
				const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
				const num = (k: string) => lhr.audits[k]?.numericValue ?? NaN;
				samples.push({
					performance: score('performance'),
					accessibility: score('accessibility'),
					bestPractices: score('best-practices'),
					lcpMs: num('largest-contentful-paint'),
					tbtMs: num('total-blocking-time'),
					cls: num('cumulative-layout-shift')
				});
			}
			const m = <K extends keyof (typeof samples)[number]>(k: K) =>
				median(samples.map((s) => s[k]));
			results.push({
				label: page.label,
				path: page.path,
				runs,
				performance: m('performance'),
				accessibility: m('accessibility'),
				bestPractices: m('bestPractices'),
				lcpMs: m('lcpMs'),
				tbtMs: m('tbtMs'),
				cls: m('cls')
			});
		} finally {
			await chrome.kill();
		}
	}
	return results;
}
