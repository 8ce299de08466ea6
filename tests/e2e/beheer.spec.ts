import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './helpers';

// The admin area: every page accessible, and the forms keep what was typed.

test('every beheer page has no axe violations and fits a tablet', async ({ page }) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1024, height: 800 });
	await signInAs(page, 'admin');
	await page.goto('/beheer/vragenlijsten');
	const surveyText = await page
		.locator('a[href^="/beheer/vragenlijsten/"]')
		.first()
		.getAttribute('href');
	await page.goto('/beheer/gebruikers');
	const staffPage = await page
		.locator('a[href^="/beheer/gebruikers/"]')
		.first()
		.getAttribute('href');
	for (const path of [
		'/beheer',
		'/beheer/teksten',
		'/beheer/teksten/onderwerp/ontheffing/ar',
		'/beheer/teksten/hulp/jobcoaching/ti',
		'/beheer/talen',
		'/beheer/gebruikers',
		staffPage!,
		'/beheer/vragenlijsten',
		surveyText!,
		'/beheer/audit',
		'/beheer/outbox',
		'/beheer/normen'
	]) {
		await test.step(path, async () => {
			const res = await page.goto(path);
			expect(res?.status()).toBe(200);
			await expectNoAxeViolations(page);
			await expectNoHorizontalScroll(page);
		});
	}
});

test('a new staff member with a bad e-mail address: the summary takes focus, the name stays', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/gebruikers');
	await page.getByLabel('Naam', { exact: true }).fill('Noor Jansen');
	await page.getByLabel('E-mailadres', { exact: true }).fill('geen-adres');
	await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('geldig e-mailadres');
	await expect(summary).toContainText('minstens één rol');
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Noor Jansen');

	await page.getByLabel('E-mailadres', { exact: true }).fill('noor@dienst.example');
	await page.getByRole('checkbox', { name: 'Klantmanager' }).check();
	await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
	await expect(page.locator('p.notice')).toBeVisible();
	await page.goto('/beheer/gebruikers?q=noor');
	await expect(page.getByRole('link', { name: 'Noor Jansen' })).toBeVisible();
});

test('an admin makes a new survey version, writes a Tigrinya question and uses it', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/vragenlijsten');
	const periodic = page.locator('section.card', { hasText: 'Elk half jaar' }).first();
	await expect(periodic).toContainText('heeft antwoorden, alleen lezen');
	await periodic.getByRole('button', { name: 'Maak een nieuwe versie' }).click();
	await expect(page).toHaveURL(/\/beheer\/vragenlijsten\/[0-9a-f-]+\/nl$/);
	await page.goto(page.url().replace(/\/nl$/, '/ti'));
	const field = page.getByLabel('Vraag (serious)');
	await field.fill('ሰራሕተኛ ብዕቱብ ሰሚዑኒ።');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('p.notice')).toContainText('opgeslagen');
	await expect(field).toHaveValue('ሰራሕተኛ ብዕቱብ ሰሚዑኒ።');
	await page.goto('/beheer/vragenlijsten');
	const copy = page
		.locator('section', { hasText: 'Elk half jaar' })
		.filter({ hasText: 'nog geen antwoorden' });
	await copy.getByRole('button', { name: 'Gebruik deze versie' }).click();
	await expect(page.locator('p.notice')).toContainText('wordt nu gevraagd');
});

test.describe('on a slow phone', () => {
	// The service worker would answer the scripts from its cache, past the hold below.
	test.use({ serviceWorkers: 'block' });

	test('what the admin types before the scripts have loaded is kept when they arrive', async ({
		page
	}) => {
		await signInAs(page, 'admin');
		await page.goto('/beheer/normen');
		await page.getByLabel('Indicator').selectOption('grade.fail');
		await page.getByLabel('Grens voor groen').fill('10');
		await page.getByLabel('Grens voor oranje').fill('5');
		// Hold the app's scripts, so the refused save comes back as server HTML only.
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.getByRole('button', { name: 'Norm opslaan' }).click();
		await expect(page.getByRole('alert')).toContainText('Oranje moet hoger zijn dan groen');
		const orange = page.getByLabel('Grens voor oranje');
		await orange.fill('20');
		release();
		// Once the scripts have run, the field still holds what the admin typed.
		await page.waitForLoadState('networkidle');
		await expect(orange).toHaveValue('20');
	});
});
