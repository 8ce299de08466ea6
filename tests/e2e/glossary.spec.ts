import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

// Issue 17: a marked word links to its explanation below the text. It works by keyboard, a
// screen reader reads the explanation with the word, and it needs no JavaScript. Beheer
// refuses a word without an entry, and a dated version on a day that has passed.

test('a marked word is explained below the text, by keyboard and for screen readers', async ({
	page
}) => {
	await signInAs(page, 'lars');
	await page.goto('/uitleg/bezwaar-en-klachten');
	const word = page.locator('article a.term', { hasText: 'ombudsman' });
	await expect(word).toHaveAttribute('href', '#woord-ombudsman');
	// The screen reader hears the explanation with the word itself.
	await expect(word).toHaveAccessibleDescription(/klachten over de overheid/);
	await word.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#woord-ombudsman$/);
	const section = page.getByRole('region', { name: 'Moeilijke woorden uitgelegd' });
	await expect(section.locator('#woord-ombudsman-uitleg')).toBeInViewport();
	await expectNoAxeViolations(page);
});

test('the explanation is there without JavaScript, in the reader’s language', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAs(page, 'maryam');
	await page.goto('/uitleg/bezwaar-en-klachten');
	await expect(page.locator('a.term', { hasText: 'ombudsman' })).toHaveAttribute(
		'href',
		'#woord-ombudsman'
	);
	await expect(page.locator('#woord-ombudsman')).toHaveText('أمين المظالم (ombudsman)');
	await context.close();
});

test('beheer refuses a word without an entry and a date in the past, keeping the text', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/beheer/teksten/onderwerp/kosten-vergoed/nl');
	const body = page.getByLabel('Tekst', { exact: true });
	const typed = `${await body.inputValue()}\n\nVraag het de [[Belastingdienst]].`;
	await body.fill(typed);
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(
		page.getByText(/“Belastingdienst” staat niet in de woordenlijst/).first()
	).toBeVisible();
	await expect(body).toHaveValue(typed);

	await page.goto('/beheer/teksten/onderwerp/kosten-vergoed/nl');
	await page.getByLabel('Geldig vanaf').fill('2020-01-01');
	await page.getByRole('button', { name: 'Bewaar als nieuwe versie vanaf deze datum' }).click();
	await expect(page.getByText('Deze datum is al voorbij.').first()).toBeVisible();

	await page.goto('/beheer/teksten');
	const upcoming = page.getByRole('region', { name: 'Wat verandert wanneer' }).first();
	await expect(upcoming).toContainText('Meedoen in de samenleving');
	await expect(upcoming).toContainText('Niet klaar');
	await expect(page.getByText(/16 woorden, 16 nog niet gecontroleerd/).first()).toBeVisible();
	await expectNoAxeViolations(page);
});
