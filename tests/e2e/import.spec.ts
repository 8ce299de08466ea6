import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, signInAs } from './helpers';

// The functioneel beheerder reads clients in from the benefit system: dry run, apply, again.
test.use({ viewport: { width: 1280, height: 900 } });

const example = readFileSync('docs/import-examples/clienten.csv');

test('an admin imports the example clients file: dry run, apply, and a second time changes nothing', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer');
	await page.getByRole('link', { name: 'Importeren uit het uitkeringssysteem' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Importeren uit het uitkeringssysteem'
	);
	await expectNoAxeViolations(page);

	const upload = async (buffer: Buffer, button: 'Proefdraai' | 'Toepassen') => {
		// One import page for every kind of file (#15): say what the file holds.
		await page.getByLabel('Wat staat er in het bestand?').selectOption('clienten');
		await page
			.getByLabel('CSV-bestand', { exact: true })
			.setInputFiles({ name: 'clienten.csv', mimeType: 'text/csv', buffer });
		await page.getByRole('button', { name: button }).click();
	};

	await upload(example, 'Proefdraai');
	await expect(page.getByText('Proefdraai: geen fouten.')).toBeVisible();
	await expect(page.getByText('2 regels: 2 nieuw, 0 gewijzigd, 0 ongewijzigd.')).toBeVisible();
	await upload(example, 'Toepassen');
	await expect(page.getByText('Het bestand is ingelezen.')).toBeVisible();
	await upload(example, 'Toepassen');
	await expect(page.getByText('2 regels: 0 nieuw, 0 gewijzigd, 2 ongewijzigd.')).toBeVisible();

	// A bad row: line and column named, in Dutch, and nothing applied.
	const bad = Buffer.from(
		example.toString('utf8').replace('12-04-1990', '31-02-1990').replace('BS-100235', 'BS-900001')
	);
	await upload(bad, 'Toepassen');
	await expect(page.getByText(/Niets ingelezen: 1 fouten/)).toBeVisible();
	const row = page.locator('table tbody tr').first();
	await expect(row).toContainText('2');
	await expect(row).toContainText('geboortedatum');
	await expect(row).toContainText('dd-mm-jjjj');
	await expectNoAxeViolations(page);
});
