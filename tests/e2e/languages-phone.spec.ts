import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, clientPages, signInAs } from './helpers';

// Issue #18: every client page in all nine languages on a 360 px phone, as the browser shows
// it after the page's JavaScript ran, against what the server wrote.

const LANGUAGES = ['nl', 'en', 'ar', 'fa', 'prs', 'ti', 'tr', 'uk', 'so'] as const;

async function chooseLanguage(page: Page, lang: string) {
	const res = await page.request.post('/taal', {
		form: { lang, next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
}

test.afterAll(async ({ browser }) => {
	const page = await browser.newPage({ baseURL: BASE_URL });
	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'ar');
	await page.close();
});

/**
 * Every text node of `main` that holds a digit (dates, times, numbers), in document order: in
 * the live page, and in the server's HTML parsed without running it.
 */
async function digitTexts(page: Page, html?: string): Promise<string[]> {
	return page.evaluate((source) => {
		const root = source
			? new DOMParser().parseFromString(source, 'text/html').querySelector('main')
			: document.querySelector('main');
		const out: string[] = [];
		if (!root) return out;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (/\d/.test(text)) out.push(text);
		}
		return out;
	}, html);
}

test.describe('dates, times and numbers stay as the server wrote them', () => {
	for (const lang of LANGUAGES) {
		test(lang, async ({ page }) => {
			test.setTimeout(120_000);
			await signInAs(page, 'maryam');
			await chooseLanguage(page, lang);
			let compared = 0;
			for (const path of await clientPages(page, {
				topic: 'ontheffing',
				instrument: 'taaltraining'
			})) {
				await test.step(path, async () => {
					const server = await (await page.request.get(path)).text();
					await page.goto(path);
					await page.waitForLoadState('networkidle');
					const expected = await digitTexts(page, server);
					expect(await digitTexts(page)).toEqual(expected);
					compared += expected.length;
				});
			}
			// Maryam has appointments and a plan with dates: the check compared something.
			expect(compared).toBeGreaterThan(5);
		});
	}
});
