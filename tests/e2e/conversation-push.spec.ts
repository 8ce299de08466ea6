import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import ece from 'http_ece';
import { BASE_URL, signInAs } from './helpers';

// Issue 16: the klantmanager answers and the client's phone gets a push. Chromium cannot reach
// a real push service here, so the test is the push service: Tim's "device" subscribes with
// keys the test holds, the app sends the encrypted push to the test's HTTPS endpoint, the test
// decrypts it (RFC 8291) and hands it to the service worker through DevTools, which shows it.

test.use({ viewport: { width: 360, height: 740 } });

test('the answer comes as a push without its text; the worker shows it and names the page', async ({
	page,
	browser
}) => {
	// Unique per run, so a repeat on the same server finds its own answer.
	const answer = `Ja, geheim antwoord 4711 (${Date.now()}).`;
	const received: Buffer[] = [];
	const server = https.createServer(
		{
			cert: readFileSync('tests/fixtures/push-endpoint.crt'),
			key: readFileSync('tests/fixtures/push-endpoint.key')
		},
		(req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push(Buffer.concat(chunks));
				res.writeHead(201).end();
			});
		}
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16).toString('base64url');

	await page.context().grantPermissions(['notifications'], { origin: BASE_URL });
	await signInAs(page, 'tim');
	await page.goto('/profiel');
	await expect(page.getByRole('heading', { name: 'Meldingen op deze telefoon' })).toBeVisible();
	const subscribed = await page.request.post('/api/client/push', {
		headers: { origin: BASE_URL },
		data: {
			endpoint: `https://localhost:${port}/push/tim-${Date.now()}`,
			keys: { p256dh: ecdh.getPublicKey('base64url'), auth }
		}
	});
	expect(subscribed.status()).toBe(200);
	await page.goto('/berichten');
	await page.getByLabel('Schrijf je klantmanager').fill('Krijg ik een melding?');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Je bericht is verstuurd.')).toBeVisible({ timeout: 20_000 });

	const km = await browser.newContext({ baseURL: BASE_URL });
	const kmPage = await km.newPage();
	await signInAs(kmPage, 'klantmanager');
	await kmPage.goto('/km/berichten');
	await kmPage.locator('tr', { hasText: 'Tim Mulder' }).getByRole('link').first().click();
	await kmPage.getByLabel('Je antwoord').fill(answer);
	await kmPage.getByRole('button', { name: 'Versturen' }).click();
	await expect(kmPage.getByText('Je antwoord is verstuurd.')).toBeVisible();
	await km.close();

	await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
	server.close();
	expect(received[0]!.includes(Buffer.from('4711'))).toBe(false);
	const payload = ece
		.decrypt(received[0]!, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth })
		.toString();
	expect(JSON.parse(payload)).toEqual({
		title: 'Wegwijs',
		body: 'Je hebt een nieuw bericht.',
		url: '/berichten'
	});

	// The service worker gets the decrypted push as the browser would hand it over.
	const cdp = await page.context().newCDPSession(page);
	const registrationId = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
			const r = e.registrations.find((x) => x.scopeURL.startsWith(BASE_URL) && !x.isDeleted);
			if (r) resolve(r.registrationId);
		})
	);
	// The worker must be active before a push can reach it (a fresh profile may still be
	// installing it), and a push handed to a worker that is just starting can be dropped by
	// Chromium: hand it over again until a notification shows (at most three times).
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await cdp.send('ServiceWorker.enable');
	const id = await registrationId;
	let shown: { title: string; body: string; data: unknown }[] = [];
	for (let attempt = 0; attempt < 3 && shown.length === 0; attempt++) {
		await cdp.send('ServiceWorker.deliverPushMessage', {
			origin: BASE_URL,
			registrationId: id,
			data: payload
		});
		shown = await page.evaluate(async () => {
			const r = await navigator.serviceWorker.ready;
			for (let i = 0; i < 50; i++) {
				const list = await r.getNotifications();
				if (list.length) return list.map((n) => ({ title: n.title, body: n.body, data: n.data }));
				await new Promise((res) => setTimeout(res, 100));
			}
			return [];
		});
	}
	expect(shown).toEqual([
		{ title: 'Wegwijs', body: 'Je hebt een nieuw bericht.', data: { url: '/berichten' } }
	]);
	// And Tim reads the answer itself in the app.
	await page.goto('/berichten');
	await expect(page.getByText(answer)).toBeVisible();
});
