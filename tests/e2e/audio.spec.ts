import { expect, test } from '@playwright/test';
import { BASE_URL, expectNoAxeViolations, signInAs } from './helpers';
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
