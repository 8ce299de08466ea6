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
 * the font of its element and compared, pixel by pixel, with unassigned code points drawn in the
 * same font, which can only come out as that box (Chromium draws the first font's .notdef when
 * no font has a character). A character that leaves no ink at all is missing too (spaces,
 * controls, format characters and combining marks are not looked at).
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
		const blank = (() => {
			ctx.clearRect(0, 0, 48, 48);
			return ctx.getImageData(0, 0, 48, 48).data.join(',');
		})();
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
			// Load the faces these characters need (a unicode-range font loads on demand); a face
			// that cannot load (blocked, offline) leaves its characters to the fallback, or a box.
			await document.fonts.load(font, [...chars].join('')).catch(() => []);
			const tofu = new Set(['\u0378', '\u0379', '\u0380'].map((ch) => draw(font, ch)));
			for (const ch of chars) {
				const drawn = draw(font, ch);
				if (tofu.has(drawn) || drawn === blank) missing.push(ch);
			}
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

// The check itself must be able to fail. (It once looked flaky: the probe was added before the
// page was hydrated, and hydration threw it away, so there was nothing to find. Now the probe
// waits for the page and sits outside the app's own tree.)
test('the box detector finds a character no font has', async ({ page }) => {
	await signInAs(page, 'lieke');
	await page.goto('/profiel');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await page.evaluate(() => {
		const probe = document.createElement('p');
		probe.id = 'probe';
		// Adlam: in no font on this machine and in none that Wegwijs ships.
		probe.textContent = '𞤀𞤁';
		document.body.append(probe);
	});
	await expect(page.locator('#probe')).toBeVisible();
	expect(await boxes(page)).toEqual(['𞤀', '𞤁']);
});

test.describe('without the Ethiopic web font', () => {
	// page.route sees no request that a service worker answers.
	test.use({ serviceWorkers: 'block' });

	test('the box detector finds "ትግርኛ" in the chooser as boxes', async ({ page }) => {
		const blocked: string[] = [];
		await page.route(/ethiopic/i, (route) => {
			blocked.push(route.request().url());
			return route.abort();
		});
		await signInAs(page, 'lieke');
		await page.goto('/');
		await expect(page.locator('html[data-ready="true"]')).toBeAttached();
		await page.locator('.language-switch summary').click();
		await expect(page.locator('.language-switch button[lang="ti"]')).toBeVisible();
		const found = await boxes(page);
		// This machine has no Ethiopic font of its own (DejaVu and Liberation only).
		expect(blocked.length).toBeGreaterThan(0);
		for (const ch of 'ትግርኛ') expect(found).toContain(ch);
		expect(found.every((ch) => /\p{Script=Ethiopic}/u.test(ch))).toBe(true);
	});
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
	// Its due dates in Dutch too (the page itself has only the Arabic date names).
	await expect(copy).toContainText(
		/— \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}/
	);
	// The label above it is in her language, tagged so.
	await expect(copy.locator('.copy-label')).toHaveAttribute('lang', 'ar');
});
