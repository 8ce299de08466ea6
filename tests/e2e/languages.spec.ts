import { expect, test, type Page } from '@playwright/test';
import {
	BASE_URL,
	clientPages,
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	signInAs
} from './helpers';

// Every client page in every language Wegwijs speaks, on a small phone (issue: languages).
// Maryam's gemeente (Lindewaard) offers all nine.

const LANGUAGES = [
	['nl', 'ltr'],
	['en', 'ltr'],
	['ar', 'rtl'],
	['fa', 'rtl'],
	['prs', 'rtl'],
	['ti', 'ltr'],
	['tr', 'ltr'],
	['uk', 'ltr'],
	['so', 'ltr']
] as const;

async function chooseLanguage(page: Page, lang: string) {
	const res = await page.request.post('/taal', {
		form: { lang, next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
}

// Other suites expect Maryam to read Arabic, as the demo seeds her: give it back afterwards.
test.afterAll(async ({ browser }) => {
	const page = await browser.newPage({ baseURL: BASE_URL });
	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'ar');
	await page.close();
});

/** Every word in the bottom navigation is shown whole: nothing cut off or running over. */
async function expectBottomNavUnclipped(page: Page) {
	const clipped = await page
		.locator('.bottom-nav a span')
		.evaluateAll((spans) =>
			spans
				.filter((s) => s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1)
				.map((s) => s.textContent)
		);
	expect(clipped).toEqual([]);
}

test.describe('every client page in every language at 320 px', () => {
	test.use({ viewport: { width: 320, height: 640 } });
	for (const [lang, dir] of LANGUAGES) {
		test(`${lang}: no axe violations, lang/dir right, nothing scrolls sideways`, async ({
			page
		}) => {
			test.setTimeout(120_000);
			await signInAs(page, 'maryam');
			await chooseLanguage(page, lang);
			for (const path of await clientPages(page, {
				topic: 'ontheffing',
				instrument: 'taaltraining'
			})) {
				await test.step(path, async () => {
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('lang', lang);
					await expect(page.locator('html')).toHaveAttribute('dir', dir);
					await expectNoAxeViolations(page);
					await expectNoHorizontalScroll(page);
					await expectBottomNavUnclipped(page);
				});
			}
		});
	}
});

test('the language switch offers only the languages of the client’s gemeente, each in its own script', async ({
	page
}) => {
	await signInAs(page, 'frans'); // Brakeloo: nl, en, ar, ti, tr, so
	await page.locator('.language-switch summary').click();
	const offered = await page
		.locator('.language-switch [lang]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
	expect(new Set(offered)).toEqual(new Set(['nl', 'en', 'ar', 'ti', 'tr', 'so']));
	await expect(page.locator('.language-switch')).toContainText('ትግርኛ');
});

// Which fonts a page downloads is pinned in languages-done.spec.ts: since #18 the script fonts
// are declared by unicode-range on every page and load only for characters the phone lacks.

test('an admin edits a topic in Tigrinya; she cannot check her own edit; the client reads it', async ({
	page
}) => {
	await signInAs(page, 'admin');
	// A topic with no dated version (content/versions.json): from 1 January 2027 the ontheffing
	// page shows its 2027 version, so an edit of today's text would not show there.
	await page.goto('/beheer/teksten/onderwerp/tolk-en-meenemen/ti');
	const title = `ተርጓሚ ወይ ካልእ ሰብ ${Date.now() % 1000}`;
	await page.getByLabel('Titel').fill(title);
	// "Opslaan" of the text, not "Opname opslaan" of the recording (#18).
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(page.locator('p.notice')).toContainText('opgeslagen');
	// Four eyes (issue 17): the last editor cannot check; a Tigrinya redacteur must.
	await expect(page.locator('.status')).toContainText('Concept');
	await expect(page.locator('.status')).toContainText('Laatst bewerkt door Ineke Smit');
	await expect(page.getByRole('button', { name: 'Markeer als gecontroleerd' })).toHaveCount(0);

	await page.goto('/beheer');
	await expect(page.locator('main')).toContainText('ትግርኛ');

	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'ti');
	await page.goto('/uitleg/tolk-en-meenemen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.fallback')).toHaveCount(0);
});

test('a Somali text that is missing shows the Dutch text with a visible marker', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/teksten/onderwerp/taaleis/so');
	await page.getByRole('button', { name: 'Verwijder deze tekst' }).click();
	await expect(page.locator('p.notice')).toContainText('verwijderd');
	await page.goto('/beheer/teksten');
	await expect(page.getByRole('link', { name: /Soomaali: Ontbreekt/ }).first()).toBeVisible();

	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'so');
	await page.goto('/uitleg/taaleis');
	await expect(page.locator('html')).toHaveAttribute('lang', 'so');
	await expect(page.locator('.fallback')).toBeVisible();
	await expect(page.locator('article')).toHaveAttribute('lang', 'nl');
	await page.goto('/uitleg');
	await expect(
		page.locator('li', { hasText: 'Nederlands leren' }).locator('.fallback')
	).toBeVisible();
});
