import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// Lighthouse (full bench, 7 December) gave Home a layout shift of 0.098 and Mijn plan 0.114:
// the read-aloud button appeared only after the phone had listed its voices and pushed the
// whole page down by about 110 px, the moment a client was about to tap a card. Headless
// Chromium has no voices, as many cheap phones have none for Tigrinya or Somali: the worst case.
declare global {
	interface Window {
		__shift: number;
	}
}

for (const persona of ['tim', 'maryam']) {
	for (const path of ['/', '/plan', '/afspraken']) {
		test(`${path} does not move once shown (${persona})`, async ({ page }) => {
			await signInAs(page, persona);
			await page.addInitScript(() => {
				window.__shift = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) {
						window.__shift += e.value;
					}
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(path);
			// The button is there once the phone has answered (or not) which voices it has.
			await expect(page.locator('.read-aloud button').first()).toBeVisible();
			await expect(page.locator('.read-aloud [role="status"]')).not.toBeEmpty();
			const shift = await page.evaluate(() => window.__shift);
			// "Good" in Lighthouse is below 0.1; a page that moves by a card is far above 0.01.
			expect(shift).toBeLessThan(0.01);
		});
	}
}
