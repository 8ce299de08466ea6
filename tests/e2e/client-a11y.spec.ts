import { expect, test } from '@playwright/test';
import { clientPages, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './helpers';

// Every client page, in Dutch (Lars) and Arabic (Maryam), on a small phone and a desktop.

for (const [persona, lang, dir] of [
	['lars', 'nl', 'ltr'],
	['maryam', 'ar', 'rtl']
] as const) {
	for (const viewport of [
		{ width: 320, height: 640 },
		{ width: 1280, height: 800 }
	]) {
		test(`client pages in ${lang} at ${viewport.width}px have no axe violations`, async ({
			page
		}) => {
			test.setTimeout(120_000);
			await page.setViewportSize(viewport);
			await signInAs(page, persona);
			for (const path of await clientPages(page, { topic: 'inlichtingenplicht' })) {
				await test.step(path, async () => {
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('lang', lang);
					await expect(page.locator('html')).toHaveAttribute('dir', dir);
					await expectNoAxeViolations(page);
					await expectNoHorizontalScroll(page);
				});
			}
		});
	}
}

test('at 200% text size the client pages still fit a 320 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signInAs(page, 'lars');
	for (const path of await clientPages(page, { topic: 'inlichtingenplicht' })) {
		await page.goto(path);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await expectNoHorizontalScroll(page);
	}
});
