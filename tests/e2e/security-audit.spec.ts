import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

// Every privileged act on record, and the audit log readable in words (#14).

test('granting a role and signing in show up in the audit log in words', async ({ page }) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/gebruikers');
	await page.getByLabel('Naam', { exact: true }).fill('Audit Proef');
	await page.getByLabel('E-mailadres', { exact: true }).fill('audit.proef@dienst.example');
	await page.getByRole('checkbox', { name: 'Klantmanager' }).check();
	await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
	await expect(page.locator('p.notice')).toBeVisible();

	await page.goto('/beheer/audit');
	const table = page.locator('table');
	await expect(table).toContainText('Medewerker aangemaakt');
	await expect(table).toContainText('Audit Proef');
	await expect(table).toContainText('Ingelogd');
	// Words, not codes or JSON.
	await expect(table).not.toContainText('user.create');
	await expect(table).not.toContainText('{"');
	await expectNoAxeViolations(page);

	await page.getByLabel('Handeling').selectOption({ label: 'Medewerker aangemaakt' });
	await page.getByRole('button', { name: 'Zoek' }).click();
	await expect(table).toContainText('Audit Proef');
	await expect(table).not.toContainText('Ingelogd');
});

test('a search up to the last possible day answers, not a server error', async ({ page }) => {
	await signInAs(page, 'admin');
	for (const q of ['?to=9999-12-31', '?from=0001-01-01', '?to=2026-02-31', '?from=x&to=%00']) {
		const res = await page.goto(`/beheer/audit${q}`);
		expect(res?.status(), q).toBeLessThan(500);
	}
});
