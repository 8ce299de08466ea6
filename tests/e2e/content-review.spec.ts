import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

// Issue 17: a client sees that a text is not checked yet; a redacteur checks it; the client
// then reads who checked it, for which dienst, and when. (taaleis has no dated version: from
// 1 January 2027 the ontheffing page shows its 2027 version, which this check does not touch.)

test('a client sees an unchecked text marked, a redacteur checks it, the client sees who and when', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'lars');
	await page.goto('/uitleg/taaleis');
	await expect(page.locator('[data-review]')).toHaveText(
		'Deze tekst is nog niet gecontroleerd. Twijfel je? Vraag het je klantmanager.'
	);
	await expect(page.getByText(/gecontroleerd door/i)).toHaveCount(0);

	await signInAs(page, 'admin');
	// Not a redacteur yet: the page says so and offers no check button.
	await page.goto('/beheer/teksten/onderwerp/taaleis/nl');
	await expect(page.getByText('Je bent geen redacteur voor deze taal.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Markeer als gecontroleerd' })).toHaveCount(0);

	await page.goto('/beheer/teksten');
	await page.getByLabel('Medewerker').selectOption({ label: 'Ineke Smit' });
	await page.getByLabel('Taal', { exact: true }).selectOption('nl');
	await page.getByLabel('Dienst of organisatie').fill('Juridische zaken, sociale dienst');
	await page.getByRole('button', { name: 'Maak redacteur' }).click();
	await expect(page.getByText('De redacteuren zijn bijgewerkt.')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/beheer/teksten/onderwerp/taaleis/nl');
	await page.getByRole('button', { name: 'Markeer als gecontroleerd' }).click();
	await expect(page.getByText('De tekst is gemarkeerd als gecontroleerd.')).toBeVisible();

	await signInAs(page, 'lars');
	await page.goto('/uitleg/taaleis');
	const today = new Intl.DateTimeFormat('nl-NL', {
		dateStyle: 'long',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date());
	await expect(page.locator('[data-review]')).toHaveText(
		`Gecontroleerd door Ineke Smit, Juridische zaken, sociale dienst, op ${today}.`
	);
	await expectNoAxeViolations(page);
	// Another text is still a concept, and says so.
	await page.goto('/uitleg/maatregel');
	await expect(page.locator('[data-review]')).toContainText('nog niet gecontroleerd');
	// The Arabic translation waits for an Arabic redacteur: Maryam reads that in Arabic.
	await signInAs(page, 'maryam');
	await page.goto('/uitleg/taaleis');
	await expect(page.locator('[data-review]')).toHaveText(
		'لم تتم مراجعة هذا النص بعد. إذا كان لديك شك، اسأل مسؤول ملفك (klantmanager).'
	);
});
