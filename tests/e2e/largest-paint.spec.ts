import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// Lighthouse takes a page as painted at its largest text (LCP) and counts every script that ran
// before that paint. The read-aloud note ("Deze telefoon heeft geen stem…") appears only once the
// phone has said it has no voice, seconds after the page; on Lighthouse's phone (412 px) it was
// larger than Lars's goal, so Mijn plan counted as painted seconds late (bench/where-the-time-goes.md,
// Session 10). Headless Chromium has no voices, so the note always shows here.
test.use({ viewport: { width: 412, height: 823 } });

for (const path of ['/', '/plan']) {
	test(`${path} counts as painted with its own text, not with the late read-aloud note`, async ({
		page
	}) => {
		await signInAs(page, 'lars');
		await page.goto(path);
		await expect(page.locator('#read-aloud-status')).toHaveText(/\S/);
		const largest = await page.evaluate(
			() =>
				new Promise<string[]>((resolve) =>
					new PerformanceObserver((list) =>
						resolve(
							list
								.getEntries()
								.map((e) => (e as PerformanceEntry & { element: Element | null }).element)
								.map((el) => (el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : '?'))
						)
					).observe({ type: 'largest-contentful-paint', buffered: true })
				)
		);
		expect(largest.length).toBeGreaterThan(0);
		expect(largest.filter((el) => el.includes('read-aloud-status'))).toEqual([]);
	});
}
