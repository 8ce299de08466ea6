import { expect, test } from '@playwright/test';
import { BASE_URL, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './helpers';

test.describe('sign-in by role', () => {
	for (const [key, landing, heading] of [
		['maryam', '/', /Maryam/],
		['klantmanager', '/km', /Mijn cliënten/],
		['reporter', '/rapportage', /Rapportage/],
		['admin', '/beheer', /Beheer/]
	] as const) {
		test(`${key} lands on their own start page`, async ({ page }) => {
			await page.context().addCookies([{ name: 'wegwijs_lang', value: 'nl', url: BASE_URL }]);
			await signInAs(page, key);
			await expect(page).toHaveURL(new RegExp(`${landing === '/' ? '/$' : landing}`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		});
	}

	test('staff sign in with e-mail and password, then set up the second factor (#14)', async ({
		page
	}) => {
		await page.goto('/login');
		await page.getByLabel('E-mailadres of klantnummer').fill('joost.willems@wegwijs.example');
		await page.getByLabel('Wachtwoord').fill('wegwijs-demo');
		await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
		// The whole journey is in security-second-factor.spec.ts.
		await expect(page).toHaveURL(/\/login\/tweede-stap$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stel de tweede stap in');
	});

	test('a wrong password gets one generic message, keeps the name typed, and is rate limited', async ({
		page
	}) => {
		await page.goto('/login');
		for (let i = 0; i < 5; i++) {
			await page.getByLabel('E-mailadres of klantnummer').fill('ww-999999');
			await page.getByLabel('Wachtwoord').fill(`guess-${i}`);
			await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
			// From the second try on, the last refusal's alert is on screen while this one is on
			// its way: wait for the new page, whose password field is empty (a password is never
			// sent back), before reading the alert and typing the next try into it.
			await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
			await expect(page.getByRole('alert')).toContainText('klopt niet');
			await expect(page.getByLabel('E-mailadres of klantnummer')).toHaveValue('ww-999999');
			await expect(page.getByRole('alert')).toBeFocused();
		}
		await page.getByLabel('Wachtwoord').fill('one more');
		await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
		await expect(page.getByRole('alert')).toContainText('te vaak');
	});
});

test.describe('access is checked on the server', () => {
	test('a client cannot read another client’s plan', async ({ page }) => {
		await signInAs(page, 'maryam');
		const own = await (await page.request.get('/api/client/plan')).json();
		expect(own.id).toBeTruthy();
		await signInAs(page, 'lars');
		const res = await page.request.get(`/api/client/plans/${own.id}`);
		expect(res.status()).toBe(404);
		const body = await res.text();
		expect(body).not.toContain(own.goal);
		expect(body).not.toContain('Maryam');
	});

	test('a client cannot open staff pages', async ({ page }) => {
		await signInAs(page, 'lars');
		const res = await page.goto('/km');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
	});

	test('a klantmanager cannot open a client outside their caseload', async ({ page }) => {
		await signInAs(page, 'klantmanager');
		await page.goto('/km');
		const href = await page.getByRole('link', { name: /Maryam/ }).getAttribute('href');
		expect(href).toMatch(/^\/km\/clienten\//);
		expect((await page.goto(href!))?.status()).toBe(200);
		await signInAs(page, 'klantmanager2');
		const res = await page.goto(href!);
		expect(res?.status()).toBe(403);
		await expect(page.locator('main')).not.toContainText('Maryam');
	});

	test('a forged session cookie is refused and sent to sign-in', async ({ page, context }) => {
		await context.clearCookies();
		await context.addCookies([{ name: 'wegwijs_session', value: 'aaaa.bbbb', url: BASE_URL }]);
		await page.goto('/plan');
		await expect(page).toHaveURL(/\/login\?next=%2Fplan/);
	});

	test('signing out ends the session on the server', async ({ page, context }) => {
		await signInAs(page, 'lars');
		const cookie = (await context.cookies()).find((c) => c.name === 'wegwijs_session')!;
		await page.getByRole('button', { name: 'Uitloggen' }).click();
		await expect(page).toHaveURL(/\/login/);
		await context.addCookies([{ ...cookie }]);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login/);
	});

	test('personal pages are never cached and carry strict security headers', async ({ page }) => {
		await signInAs(page, 'lars');
		const res = await page.request.get('/');
		const h = res.headers();
		expect(h['cache-control']).toBe('no-store');
		expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(h['content-security-policy']).toContain("script-src 'self'");
		expect(h['x-content-type-options']).toBe('nosniff');
		const cookie = (await page.context().cookies()).find((c) => c.name === 'wegwijs_session')!;
		expect(cookie.httpOnly).toBe(true);
		expect(cookie.sameSite).toBe('Lax');
	});
});

test.describe('languages', () => {
	test('Arabic is right to left from the first byte', async ({ request }) => {
		const res = await request.get('/login', { headers: { cookie: 'wegwijs_lang=ar' } });
		const html = await res.text();
		expect(html.slice(0, 60)).toMatch(/^<!doctype html>\s*<html lang="ar" dir="rtl"[ >]/);
	});

	test('the language switch works by keyboard and shows each language in its own script', async ({
		page
	}) => {
		await page.goto('/login');
		await page.locator('summary').focus();
		await page.keyboard.press('Enter');
		const arabic = page.getByRole('button', { name: 'العربية' });
		await expect(arabic).toHaveAttribute('lang', 'ar');
		await arabic.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	});
});

test.describe('accessibility at 320 px', () => {
	test.use({ viewport: { width: 320, height: 640 } });
	for (const lang of ['nl', 'ar'] as const) {
		test(`login page in ${lang}`, async ({ page, context }) => {
			await context.addCookies([{ name: 'wegwijs_lang', value: lang, url: BASE_URL }]);
			await page.goto('/login');
			await expectNoAxeViolations(page);
			await expectNoHorizontalScroll(page);
		});
		test(`client home in ${lang}`, async ({ page }) => {
			// Maryam's stored preference is Arabic, Lars's is Dutch.
			await signInAs(page, lang === 'ar' ? 'maryam' : 'lars');
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expectNoAxeViolations(page);
			await expectNoHorizontalScroll(page);
		});
	}
});

test('beheer shows every translation as a draft for a native speaker to check', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer');
	const ui = page.getByRole('table', { name: /Teksten van de app/ });
	await expect(ui.getByRole('row', { name: /English/ })).toContainText(
		'Concept — te controleren door een moedertaalspreker'
	);
	await expect(ui.getByRole('row', { name: /العربية/ })).toContainText('Concept');
	await expect(ui.getByRole('row', { name: /Nederlands/ })).toContainText('Brontaal');
	await expectNoAxeViolations(page);
});
