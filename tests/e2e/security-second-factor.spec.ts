import { expect, test, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { BASE_URL, expectNoAxeViolations, signInAs } from './helpers';

// #14: staff who sign in with a password set up a second factor at their first sign-in (TOTP,
// codes computed here as an authenticator app would) and give it every time after; half a
// sign-in opens nothing; recovery codes work once; the idle warning keeps a session alive.

const stamp = Date.now().toString(36);
const EMAIL = `tf-${stamp}@wegwijs.example`;
const PASSWORD = 'een lang wachtwoord voor de test';
const step = () => Math.floor(Date.now() / 30_000);
const code = (key: Uint8Array, s: number) => generateHOTP(key, BigInt(s), 6);

let key: Uint8Array = new Uint8Array();
let setupStep = 0;
let recovery: string[] = [];

async function passwordSignIn(page: Page) {
	await page.context().clearCookies();
	await page.goto('/login');
	await page.getByLabel('E-mailadres of klantnummer').fill(EMAIL);
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL(/\/login\/tweede-stap/);
}

test.describe.configure({ mode: 'serial' });

test('an admin makes a reporter with a password', async ({ page }) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/gebruikers');
	await page.getByLabel('Naam', { exact: true }).fill(`Tweede Stap ${stamp}`);
	await page.getByLabel('E-mailadres', { exact: true }).fill(EMAIL);
	await page.locator('#role-reporter').check();
	await page.locator('#password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
	await expect(page.getByText(`Tweede Stap ${stamp}`).first()).toBeVisible();
});

test('first password sign-in: set up the app, then the recovery codes are shown once', async ({
	page
}) => {
	await passwordSignIn(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stel de tweede stap in');
	await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
	await expectNoAxeViolations(page);
	// Half a sign-in opens nothing else.
	const rapport = await page.request.get('/rapportage', { maxRedirects: 0 });
	expect(rapport.status()).toBe(303);
	expect(rapport.headers()['location']).toMatch(/^\/login/);
	expect((await page.request.get('/api/session')).status()).toBe(401);

	const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
	key = decodeBase32IgnorePadding(secret);
	await page.getByLabel('Code uit de app').fill('000000');
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('alert')).toContainText('klopt niet');

	setupStep = step();
	await page.getByLabel('Code uit de app').fill(code(key, setupStep));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jouw herstelcodes');
	recovery = (await page.locator('.codes code').allTextContents()).map((c) => c.trim());
	expect(recovery).toHaveLength(10);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/rapportage$/, { timeout: 30_000 });
	// A reload of the setup page shows no key any more.
	await page.goto('/login/tweede-stap');
	await expect(page).not.toHaveURL(/tweede-stap/);
});

test('later sign-ins ask for the code; a used code is refused, the next one lets you in', async ({
	page
}) => {
	await passwordSignIn(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweede stap bij inloggen');
	await expectNoAxeViolations(page);
	const field = page.getByLabel('Code uit de app, of een herstelcode');
	await field.fill(code(key, setupStep));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('alert')).toContainText('klopt niet');
	await field.fill(code(key, Math.max(step(), setupStep + 1)));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(/\/rapportage$/, { timeout: 30_000 });
});

test('a recovery code lets you in once', async ({ page }) => {
	await passwordSignIn(page);
	const field = page.getByLabel('Code uit de app, of een herstelcode');
	await field.fill(recovery[0]!);
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(/\/rapportage$/, { timeout: 30_000 });
	await passwordSignIn(page);
	await field.fill(recovery[0]!);
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('alert')).toContainText('klopt niet');
});

test('malformed codes get a message, never an error page', async ({ page }) => {
	test.setTimeout(120_000);
	await passwordSignIn(page);
	for (const bad of ['', ' ', 'x'.repeat(5000), '<script>', '12345\u0000', '١٢٣٤٥٦', '\uD800']) {
		for (const action of ['verify', 'setup']) {
			const res = await page.request.post(`/login/tweede-stap?/${action}`, {
				headers: { origin: BASE_URL, accept: 'text/html' },
				form: { code: bad },
				maxRedirects: 0
			});
			expect(res.status(), `${action} ${JSON.stringify(bad)}`).toBeLessThan(500);
			expect(res.status()).not.toBe(200);
		}
	}
});

test('staff pages warn before the idle timeout; "Blijf ingelogd" keeps the session', async ({
	page
}) => {
	await page.clock.install();
	await signInAs(page, 'admin');
	await page.goto('/beheer');
	// The warning's timer starts when the page is interactive; move the clock only after that.
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await page.clock.fastForward('28:05');
	const dialog = page.getByRole('dialog', { name: 'Ben je er nog?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('status')).toContainText('Over 2 minuten word je uitgelogd');
	await expect(dialog.getByRole('button', { name: 'Blijf ingelogd' })).toBeFocused();
	await expectNoAxeViolations(page);
	const touched = page.waitForResponse((r) => r.url().endsWith('/api/session'));
	await page.keyboard.press('Enter');
	expect((await touched).status()).toBe(200);
	await expect(dialog).toBeHidden();
	// Escape means "still here" too.
	await page.clock.fastForward('28:30');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page).toHaveURL(/\/beheer$/);
});
