import { expect, test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { BASE_URL, expectNoAxeViolations, signInAs } from './helpers';

// #14: a passkey as the staff second factor, in Chromium with the virtual authenticator of the
// DevTools protocol (WebAuthn domain): set up at the first sign-in instead of the app, used at
// the next sign-in, and wiped by an admin when lost — after which the person is signed out
// and sets it up again. Junk sent to the passkey endpoint gets a message, never a 5xx.

const stamp = Date.now().toString(36);
const NAME = `Passkey ${stamp}`;
const EMAIL = `pk-${stamp}@wegwijs.example`;
const PASSWORD = 'een lang wachtwoord voor de passkeytest';

test.describe.configure({ mode: 'serial' });

let authenticatorId = '';
let cdp: CDPSession;
let page: Page;

/** One page for the whole journey: the virtual authenticator lives in its browser. */
test.beforeAll(async ({ browser }: { browser: Browser }) => {
	const context = await browser.newContext({ baseURL: BASE_URL, locale: 'nl-NL' });
	page = await context.newPage();
	cdp = await context.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	authenticatorId = (
		await cdp.send('WebAuthn.addVirtualAuthenticator', {
			options: {
				protocol: 'ctap2',
				transport: 'internal',
				hasResidentKey: true,
				hasUserVerification: true,
				isUserVerified: true,
				automaticPresenceSimulation: true
			}
		})
	).authenticatorId;
});

test.afterAll(async () => {
	await page.context().close();
});

async function passwordSignIn() {
	await page.context().clearCookies();
	await page.goto('/login');
	await page.getByLabel('E-mailadres of klantnummer').fill(EMAIL);
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL(/\/login\/tweede-stap/);
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
}

test('an admin makes a reporter with a password', async () => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/gebruikers');
	await page.getByLabel('Naam', { exact: true }).fill(NAME);
	await page.getByLabel('E-mailadres', { exact: true }).fill(EMAIL);
	await page.locator('#role-reporter').check();
	await page.locator('#password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
	await expect(page.getByText(NAME).first()).toBeVisible();
});

test('junk to the passkey endpoint during half a sign-in: a message, never a 5xx', async () => {
	await passwordSignIn();
	const FORM = 'application/x-www-form-urlencoded';
	const answer = (response: string) => new URLSearchParams({ step: 'answer', response }).toString();
	const bodies: { contentType: string; data: string }[] = [
		{ contentType: FORM, data: '' },
		{ contentType: FORM, data: 'step=what' },
		{ contentType: FORM, data: 'step=answer' },
		{ contentType: FORM, data: answer('{') },
		{ contentType: FORM, data: answer('null') },
		{ contentType: FORM, data: answer('{"id":"\\u0000"}') },
		{ contentType: FORM, data: answer('x'.repeat(70_000)) },
		{
			contentType: FORM,
			data: answer(
				JSON.stringify({
					id: 'a',
					rawId: 'a',
					type: 'public-key',
					response: { clientDataJSON: 'x'.repeat(20_000), attestationObject: '' }
				})
			)
		},
		{ contentType: FORM, data: `step=answer&response=%7B%7D&next=${'x'.repeat(600)}` },
		{ contentType: FORM, data: 'step=%ED%A0%80' },
		{ contentType: 'application/json', data: '{"step":"options"}' },
		{ contentType: 'text/plain', data: 'step=options' }
	];
	for (const body of bodies) {
		const res = await page.request.post('/login/tweede-stap/passkey', {
			headers: { 'content-type': body.contentType, origin: BASE_URL },
			data: body.data
		});
		const what = `${body.contentType} ${body.data.slice(0, 60)}`;
		expect(res.status(), what).toBeGreaterThanOrEqual(400);
		expect(res.status(), what).toBeLessThan(500);
		expect(((await res.json()) as { message: string }).message, what).toBeTruthy();
	}
	// The form post with the right shape gives options (a challenge), for this half sign-in only.
	const options = await page.request.post('/login/tweede-stap/passkey', {
		headers: { origin: BASE_URL },
		form: { step: 'options' }
	});
	expect(options.status()).toBe(200);
	expect(((await options.json()) as { registering: boolean }).registering).toBe(true);
	// Still half a sign-in: nothing else opened.
	expect((await page.request.get('/api/session')).status()).toBe(401);
});

test('first sign-in: choose a passkey instead of the app; recovery codes shown once', async () => {
	await passwordSignIn();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stel de tweede stap in');
	await expect(page.getByRole('heading', { level: 2, name: 'Met een passkey' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Passkey instellen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jouw herstelcodes');
	expect(await page.locator('.codes code').count()).toBe(10);
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	expect(credentials).toHaveLength(1);
	await page.getByRole('link', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/rapportage$/, { timeout: 30_000 });
});

test('the next sign-in asks for the passkey and lets you in with it', async () => {
	await passwordSignIn();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweede stap bij inloggen');
	await expect(page.getByText('Log in met je passkey')).toBeVisible();
	await expectNoAxeViolations(page);
	const before = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!
		.signCount;
	await page.getByRole('button', { name: 'Inloggen met je passkey' }).click();
	await expect(page).toHaveURL(/\/rapportage$/, { timeout: 30_000 });
	const after = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!
		.signCount;
	expect(after).toBeGreaterThan(before);
});

test('no passkey on this device: a message, and the code field is still there', async () => {
	await passwordSignIn();
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
	await page.getByRole('button', { name: 'Inloggen met je passkey' }).click();
	await expect(page.locator('#passkey-status')).toContainText('Dat lukte niet met de passkey', {
		timeout: 30_000
	});
	await expect(page).toHaveURL(/tweede-stap/);
	await expect(page.getByLabel('Code uit de app, of een herstelcode')).toBeVisible();
	for (const credential of credentials)
		await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
});

test('an admin wipes the lost second factor: the person is signed out and sets it up again', async ({
	browser
}) => {
	// The reporter is signed in in their own browser.
	await passwordSignIn();
	await page.getByRole('button', { name: 'Inloggen met je passkey' }).click();
	await expect(page).toHaveURL(/\/rapportage$/, { timeout: 30_000 });

	const admin = await (await browser.newContext({ baseURL: BASE_URL, locale: 'nl-NL' })).newPage();
	await signInAs(admin, 'admin');
	await admin.goto(`/beheer/gebruikers?q=${encodeURIComponent(EMAIL)}`);
	await admin.getByRole('link', { name: NAME }).click();
	await admin.getByRole('link', { name: /Tweede stap wissen/ }).click();
	await expect(admin.getByText('heeft een tweede stap ingesteld')).toBeVisible();
	await expectNoAxeViolations(admin);
	// Without the check box: refused, nothing wiped.
	await admin.getByRole('button', { name: 'Tweede stap wissen' }).click();
	await expect(admin.getByRole('alert')).toContainText('Zet eerst het vinkje');
	await admin.getByLabel(/Ik heb gecontroleerd/).check();
	await admin.getByRole('button', { name: 'Tweede stap wissen' }).click();
	await expect(admin.getByText('De tweede stap is gewist')).toBeVisible();
	await admin.goto('/beheer/audit?action=auth.second_factor_reset');
	await expect(
		admin.locator('table').getByText('Tweede stap van een medewerker gewist').first()
	).toBeVisible();
	await admin.context().close();

	// The reporter's session has ended; the next sign-in sets up a second factor again.
	await page.goto('/rapportage');
	await expect(page).toHaveURL(/\/login/);
	await passwordSignIn();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stel de tweede stap in');
});

test('an admin cannot wipe their own second factor', async () => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/gebruikers?q=ineke.smit');
	await page.getByRole('link', { name: 'Ineke Smit' }).first().click();
	// The click navigates on the client: wait for her page before taking its address.
	await expect(page).toHaveURL(/\/beheer\/gebruikers\/[0-9a-f-]{36}$/);
	const url = page.url();
	await page.goto(`${url}/tweede-stap`);
	await expect(page.getByText('Je kunt je eigen tweede stap niet wissen')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Tweede stap wissen' })).toHaveCount(0);
	const res = await page.request.post(`${url}/tweede-stap`, {
		headers: { origin: BASE_URL, accept: 'application/json', 'x-sveltekit-action': 'true' },
		form: { confirm: 'on' }
	});
	expect(JSON.parse(await res.text()).status).toBe(403);
});
