import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, signInAs } from './helpers';

type Spoken = { text: string; lang: string };

/** A phone with the given voices; what is spoken is recorded instead of played. */
async function fakeSpeech(page: Page, langs: string[] = ['nl-NL']) {
	await page.addInitScript((voiceLangs) => {
		const spoken: { text: string; lang: string }[] = [];
		(window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
		const voices = voiceLangs.map((lang) => ({
			lang,
			localService: true,
			default: false,
			name: lang,
			voiceURI: lang
		}));
		// A plain utterance: Chromium's own refuses a voice object it did not make.
		class FakeUtterance {
			text: string;
			lang = '';
			voice: unknown = null;
			rate = 1;
			onend: (() => void) | null = null;
			onerror: (() => void) | null = null;
			constructor(text: string) {
				this.text = text;
			}
		}
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance });
		Object.defineProperty(window, 'speechSynthesis', {
			value: {
				getVoices: () => voices,
				speak: (u: FakeUtterance) => spoken.push({ text: u.text, lang: u.lang }),
				cancel: () => {},
				pause: () => {},
				resume: () => {},
				addEventListener: () => {},
				removeEventListener: () => {}
			}
		});
	}, langs);
}

const spokenOn = (page: Page) =>
	page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);

async function chooseLanguage(page: Page, lang: string) {
	const res = await page.request.post('/taal', {
		form: { lang, next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
}

test('reads one block at a time with a Dutch voice, not the navigation', async ({ page }) => {
	await fakeSpeech(page);
	await signInAs(page, 'lars');
	await page.goto('/uitleg/inlichtingenplicht');
	await page.getByRole('button', { name: 'Lees voor' }).click();
	await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
	const spoken = await spokenOn(page);
	// One utterance per heading, paragraph and list item: a heading never runs into its text.
	const headings = await page.locator('main h1, main article h2').allInnerTexts();
	expect(spoken.length).toBeGreaterThan(headings.length);
	for (const h of headings) expect(spoken.map((s) => s.text)).toContain(h.trim());
	expect(new Set(spoken.map((s) => s.lang))).toEqual(new Set(['nl-NL']));
	const all = spoken.map((s) => s.text).join('\n');
	expect(all).toContain('Wat moet je doen');
	expect(all).not.toContain('Uitloggen');
	expect(all).not.toContain('Profiel');
});

test('reads a Dutch step on an Arabic page with the Dutch voice', async ({ page }) => {
	await fakeSpeech(page, ['nl-NL', 'ar-SA']);
	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'ar');
	await page.goto('/plan');
	await page.locator('.read-aloud button').first().click();
	const spoken = await spokenOn(page);
	const dutchStep = (await page.locator('.steps h3[lang="nl"]').first().innerText()).trim();
	const arabicStep = (await page.locator('.steps h3:not([lang])').first().innerText()).trim();
	// The Dutch title is read by the Dutch voice, its "(بالهولندية)" marker by the Arabic one.
	expect(spoken).toContainEqual({
		text: dutchStep.replace(/\s*\(بالهولندية\)$/, ''),
		lang: 'nl-NL'
	});
	expect(spoken).toContainEqual({ text: arabicStep, lang: 'ar-SA' });
});

test('keeps the button and explains it when the phone has no voice for the language', async ({
	page
}) => {
	await fakeSpeech(page, ['nl-NL']);
	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'ar');
	await page.goto('/uitleg/inlichtingenplicht');
	const button = page.locator('.read-aloud button').first();
	await expect(button).toBeVisible();
	await button.click();
	await expect(page.locator('.read-aloud [role="status"]')).toContainText(
		'لا يوجد على هذا الهاتف صوت'
	);
	// Nothing is read in another language's voice.
	expect(await spokenOn(page)).toEqual([]);
});
