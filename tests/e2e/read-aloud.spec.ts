import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

/** A phone with only a Dutch voice; what is spoken is recorded instead of played. */
async function fakeSpeech(page: Page) {
	await page.addInitScript(() => {
		const spoken: { text: string; lang: string }[] = [];
		(window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
		const voice = { lang: 'nl-NL', localService: true, default: true, name: 'Nl', voiceURI: 'nl' };
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
				getVoices: () => [voice],
				speak: (u: FakeUtterance) => spoken.push({ text: u.text, lang: u.lang }),
				cancel: () => {},
				pause: () => {},
				resume: () => {},
				addEventListener: () => {},
				removeEventListener: () => {}
			}
		});
	});
}

test('reads the main content aloud with a Dutch voice, not the navigation', async ({ page }) => {
	await fakeSpeech(page);
	await signInAs(page, 'lars');
	await page.goto('/uitleg/inlichtingenplicht');
	await page.getByRole('button', { name: 'Lees voor' }).click();
	await expect(page.getByRole('button', { name: 'Pauze' })).toBeVisible();
	const spoken = await page.evaluate(
		() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken
	);
	expect(spoken).toHaveLength(1);
	expect(spoken[0]!.lang).toBe('nl-NL');
	expect(spoken[0]!.text).toContain('Wat moet je doen');
	expect(spoken[0]!.text).not.toContain('Uitloggen');
	expect(spoken[0]!.text).not.toContain('Profiel');
});

test('hides the button when the phone has no voice for the page language', async ({ page }) => {
	await fakeSpeech(page);
	await signInAs(page, 'maryam');
	await page.goto('/uitleg/inlichtingenplicht');
	await expect(page.locator('article')).toBeVisible();
	await expect(page.locator('.read-aloud')).toHaveCount(0);
});
