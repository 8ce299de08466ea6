import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, expectNoAxeViolations, signInAs, waitForOfflineCopy } from './helpers';
import { chimeWav } from '../../src/lib/server/seed/demo-audio';

// Issue #18: recorded audio where phones have no voice. The admin uploads, the client hears it
// (with Range support, so a phone can seek); what is not audio is refused in words.

test('an admin uploads a recording; a file that is not audio is refused, translated', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/teksten/onderwerp/ontheffing/so');
	const section = page.locator('section.audio');
	await expect(section).toContainText('Er is nog geen opname.');
	await section.locator('input[type="file"]').setInputFiles({
		name: 'opname.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from('<html><script>alert(1)</script></html>')
	});
	await section.getByRole('button', { name: 'Opname opslaan' }).click();
	await expect(section.locator('#audio-error')).toContainText('Dit is geen opname');
	await expect(section.locator('input[type="file"]')).toHaveAttribute('aria-invalid', 'true');

	await section.locator('input[type="file"]').setInputFiles({
		name: 'opname.wav',
		mimeType: 'audio/wav',
		buffer: Buffer.from(chimeWav(0.5))
	});
	await section.getByRole('button', { name: 'Opname opslaan' }).click();
	await expect(section.getByRole('status')).toContainText('De opname is opgeslagen');
	await expect(section.locator('audio')).toHaveAttribute(
		'src',
		/^\/beheer\/opname\/[0-9a-f-]{36}$/
	);
	// The uploader cannot check it themselves (four eyes).
	await expect(section).toContainText('Je hebt deze opname zelf opgeslagen');
	await expectNoAxeViolations(page);
});

async function chooseLanguage(page: Page, lang: string) {
	const chosen = await page.request.post('/taal', {
		form: { lang, next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(chosen.status()).toBe(303);
}

test('a Tigrinya client hears the demo recording, served with Range support', async ({ page }) => {
	await signInAs(page, 'lieke');
	const chosen = await page.request.post('/taal', {
		form: { lang: 'ti', next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(chosen.status()).toBe(303);
	await page.goto('/uitleg/inlichtingenplicht');
	const player = page.locator('.read-aloud audio');
	await expect(player).toHaveAttribute('src', /^\/api\/client\/opname\/[0-9a-f-]{36}\?v=\d+$/);
	const src = (await player.getAttribute('src'))!;
	const whole = await page.request.get(src);
	expect(whole.status()).toBe(200);
	expect(whole.headers()['content-type']).toBe('audio/wav');
	expect(whole.headers()['accept-ranges']).toBe('bytes');
	const size = (await whole.body()).byteLength;
	const part = await page.request.get(src, { headers: { range: 'bytes=0-99' } });
	expect(part.status()).toBe(206);
	expect(part.headers()['content-range']).toBe(`bytes 0-99/${size}`);
	expect((await part.body()).byteLength).toBe(100);
	const past = await page.request.get(src, { headers: { range: `bytes=${size}-` } });
	expect(past.status()).toBe(416);
	// This Chromium has no Tigrinya voice: the page says so and points to the recording.
	await expect(page.locator('.read-aloud [role="status"]')).not.toBeEmpty();
	await expectNoAxeViolations(page);
});

const RECORDINGS = 'wegwijs-recordings';

/** Whether the service worker's recordings cache holds the whole file at `src`. */
function kept(page: Page, src: string) {
	return page.evaluate(
		async ([name, url]) => {
			if (!(await caches.has(name!))) return false;
			const hit = await (await caches.open(name!)).match(url!, { ignoreVary: true });
			return hit?.status === 200;
		},
		[RECORDINGS, src]
	);
}

/** Loads the page's <audio> and says how far it got: readyState and duration (NaN: nothing). */
function loadPlayer(page: Page) {
	return page.locator('.read-aloud audio').evaluate(
		(audio: HTMLAudioElement) =>
			new Promise<{ readyState: number; duration: number; error: number | null }>((resolve) => {
				const done = () =>
					resolve({
						readyState: audio.readyState,
						duration: audio.duration,
						error: audio.error?.code ?? null
					});
				audio.addEventListener('loadedmetadata', done, { once: true });
				audio.addEventListener('error', done, { once: true });
				setTimeout(done, 10_000);
				audio.preload = 'auto';
				audio.load();
			})
	);
}

test('a recording of a page opened online plays offline, and is gone after sign-out', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await signInAs(page, 'lieke');
	await chooseLanguage(page, 'ti');
	await page.goto('/uitleg/inlichtingenplicht');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first visit installs the worker; the second is the one a client makes later.
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await page.reload();
	const src = (await page.locator('.read-aloud audio').getAttribute('src'))!;
	await waitForOfflineCopy(page, 'layout');
	await waitForOfflineCopy(page, 'uitleg:inlichtingenplicht');
	// Kept without pressing play: a client may only find the player once offline.
	await expect.poll(() => kept(page, src), { timeout: 10_000 }).toBe(true);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// From the offline copy, and saying so.
	await expect(page.locator('.last-updated')).toBeVisible();
	const player = page.locator('.read-aloud audio');
	await expect(player).toHaveAttribute('src', src);
	const loaded = await loadPlayer(page);
	expect(loaded.error, 'the audio element failed to load offline').toBeNull();
	expect(loaded.readyState).toBeGreaterThanOrEqual(1);
	expect(loaded.duration).toBeGreaterThan(0);
	// A seek asks for a part (Range) of the kept file, which the worker cuts from the whole.
	const part = await page.evaluate(async (url) => {
		const r = await fetch(url, { headers: { range: 'bytes=0-99' } });
		return { status: r.status, size: (await r.arrayBuffer()).byteLength };
	}, src);
	expect(part).toEqual({ status: 206, size: 100 });

	await context.setOffline(false);
	await page.goto('/profiel');
	// The button is in Tigrinya here.
	await page.locator('form[action="/logout"] button').first().click();
	await expect(page).toHaveURL(/\/login/);
	// Clear-Site-Data "storage": the kept recordings go with the rest of the offline data.
	expect(await kept(page, src)).toBe(false);
	expect(await page.evaluate(() => caches.keys())).not.toContain(RECORDINGS);
});

test('a recording kept for one client is gone when someone else signs in on the phone', async ({
	page
}) => {
	await signInAs(page, 'lieke');
	await chooseLanguage(page, 'ti');
	await page.goto('/uitleg/inlichtingenplicht');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	const src = (await page.locator('.read-aloud audio').getAttribute('src'))!;
	await expect.poll(() => kept(page, src), { timeout: 10_000 }).toBe(true);
	// The session ended without signing out (it expired); Maryam signs in next.
	await signInAs(page, 'maryam');
	await page.goto('/');
	await expect.poll(() => kept(page, src), { timeout: 10_000 }).toBe(false);
});

// Lieke reads Dutch in every other spec.
test.afterAll(async ({ browser }) => {
	const page = await browser.newPage({ baseURL: BASE_URL });
	await signInAs(page, 'lieke');
	await page.request.post('/taal', {
		form: { lang: 'nl', next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	await page.close();
});
