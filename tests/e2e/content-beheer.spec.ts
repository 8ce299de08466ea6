import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

// Issue 17, the /beheer parts: a dated version is edited by its date before that date, and
// the glossary is edited per language (concept until a redacteur checks it; a word a text
// marks cannot be removed, and the refusal names the texts).

test('a dated version opens by its date, is listed with its status, and saves as concept', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/teksten/onderwerp/werken-naast-je-uitkering/en');
	const versions = page.getByRole('navigation', { name: 'Versies met een datum' });
	await versions.getByRole('link', { name: /Geldig vanaf 1 januari 2027/ }).click();
	await expect(page).toHaveURL(/\?versie=2027-01-01$/);
	await expect(
		page.getByText(/Je past de versie aan die geldt vanaf 1 januari 2027/)
	).toBeVisible();
	// A version is no place for a recording, a gemeente variant or a new date.
	await expect(page.getByRole('button', { name: /nieuwe versie vanaf deze datum/ })).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Tekst per gemeente' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(page.getByText('De tekst is opgeslagen.')).toBeVisible();
	await expect(page).toHaveURL(/\?versie=2027-01-01$/);
	await expect(page.locator('.status .concept')).toBeVisible();
});

test('the glossary editor adds a word as concept, refuses bad input keeping it, and refuses to remove a word in use', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/teksten');
	await page.getByRole('link', { name: /Woordenlijst bewerken: English/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Woordenlijst: English');

	const add = page.locator('form', { has: page.getByRole('button', { name: 'Voeg toe' }) });
	await add.getByLabel('Woord').fill('Belastingdienst');
	await add.getByLabel('Zo heet het in deze taal').fill('Tax Administration (Belastingdienst)');
	await add.getByLabel('Uitleg').fill('The Dutch tax office');
	await add.getByRole('button', { name: 'Voeg toe' }).click();
	await expect(page.getByRole('alert').first()).toContainText(
		'Schrijf een hele zin en zet een punt aan het eind.'
	);
	await expect(add.getByLabel('Uitleg')).toHaveValue('The Dutch tax office');
	await add.getByLabel('Uitleg').fill('The Dutch tax office.');
	await add.getByRole('button', { name: 'Voeg toe' }).click();
	await expect(page.getByText('“Belastingdienst” is opgeslagen.')).toBeVisible();
	const entry = page.getByRole('article', { name: 'Belastingdienst' });
	await expect(entry).toContainText('Concept');
	// The person who wrote it cannot check it.
	await expect(entry.getByRole('button', { name: /Markeer als gecontroleerd/ })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page
		.getByRole('article', { name: 'ombudsman' })
		.getByRole('button', { name: 'Verwijder: ombudsman' })
		.click();
	const refusal = page.getByRole('alert');
	await expect(refusal).toContainText('“ombudsman” staat nog in deze teksten.');
	await expect(refusal.getByRole('listitem').first()).toBeVisible();
	await expect(page.getByRole('article', { name: 'ombudsman' })).toBeVisible();

	await entry.getByRole('button', { name: 'Verwijder: Belastingdienst' }).click();
	await expect(page.getByText('“Belastingdienst” is verwijderd.')).toBeVisible();
	await expect(page.getByRole('article', { name: 'Belastingdienst' })).toHaveCount(0);
});
