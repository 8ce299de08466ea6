import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

// Issue 16: a real conversation with the klantmanager. Lars (klantmanager Ahmed Bouzid).

test('Lars asks about an instrument offline; Ahmed answers; the answer shows where he asked', async ({
	page,
	browser
}) => {
	await signInAs(page, 'lars');
	await page.goto('/uitleg/hulp/jobcoaching');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.context().setOffline(true);
	await page
		.getByLabel('Wil je er iets bij schrijven? (mag leeg blijven)')
		.fill('Past dit bij <b>mij</b>? 🙂');
	await page.getByRole('button', { name: 'Vraag mijn klantmanager hiernaar' }).click();
	await expect(page.getByText('Wordt verstuurd…')).toBeVisible();
	await page.context().setOffline(false);
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(page.getByText('Wordt verstuurd…')).toHaveCount(0, { timeout: 20_000 });

	// Ahmed sees the conversation waiting, opens it and answers the question.
	const km = await browser.newContext({
		baseURL: `http://localhost:${process.env.E2E_PORT ?? 4173}`
	});
	const kmPage = await km.newPage();
	await signInAs(kmPage, 'klantmanager2');
	await kmPage.goto('/km/berichten');
	const row = kmPage.locator('tr', { hasText: 'Lars Visser' });
	await expect(row).toBeVisible();
	await row.getByRole('link', { name: 'Lars Visser' }).click();
	await expect(kmPage.locator('.messages').getByText('Past dit bij <b>mij</b>? 🙂')).toBeVisible();
	const conversationUrl = kmPage.url();
	await kmPage.getByLabel('Je antwoord').fill('Ja, ik meld je aan bij de jobcoach.');
	await kmPage.getByRole('button', { name: 'Versturen' }).click();
	await expect(kmPage.getByText('Je antwoord is verstuurd.')).toBeVisible();
	await kmPage.goto('/km/berichten');
	await expect(kmPage.locator('tr', { hasText: 'Lars Visser' })).toHaveCount(0);

	// Another team's klantmanager may not read it.
	await signInAs(kmPage, 'klantmanager');
	const denied = await kmPage.goto(conversationUrl);
	expect(denied!.status()).toBe(403);
	await expect(kmPage.getByText('Ja, ik meld je aan')).toHaveCount(0);
	await km.close();

	// Lars: one new message on Home in the bottom bar; the answer on the instrument page.
	await page.goto('/');
	await expect(page.getByTestId('unread-count')).toContainText('1');
	await page.goto('/uitleg/hulp/jobcoaching');
	await expect(page.locator('.messages').getByText('Past dit bij <b>mij</b>? 🙂')).toBeVisible();
	await expect(page.getByText('Ja, ik meld je aan bij de jobcoach.')).toBeVisible();
	await expect(page.getByText('Ahmed Bouzid')).toBeVisible();
	// Showing the conversation marks it read (a POST), and the count goes.
	await page.goto('/berichten');
	await expect(page.getByText('Ja, ik meld je aan bij de jobcoach.')).toBeVisible();
	await expect(page.getByTestId('unread-count')).toHaveCount(0, { timeout: 10_000 });
});

test('a note on a step leaves its status alone; “klaar” is its own button', async ({ page }) => {
	await signInAs(page, 'lars');
	await page.goto('/plan');
	// A step that is not done yet (another spec may have finished Lars's first one).
	const step = page
		.locator('li.step')
		.filter({ has: page.getByRole('button', { name: 'Dit is klaar' }) })
		.first();
	const progress = await page.getByText(/van \d+ stappen klaar/).textContent();
	await step.getByText('Notitie toevoegen').click();
	await step.getByLabel('Notitie (mag leeg blijven)').fill('Ik loop vast');
	await step.getByRole('button', { name: 'Notitie opslaan' }).click();
	await expect(step.getByText('Ik loop vast')).toBeVisible();
	await expect(page.getByText(/van \d+ stappen klaar/)).toHaveText(progress!);
	await expect(step.getByRole('button', { name: 'Dit is klaar' })).toBeVisible();
});

test('“Ik heb een vraag” about the plan reaches the klantmanager on the plan', async ({
	page,
	browser
}) => {
	await signInAs(page, 'lars');
	await page.goto('/plan');
	await page.locator('summary', { hasText: 'Ik heb een vraag' }).click();
	await page.getByRole('button', { name: 'Stuur naar je klantmanager' }).first().click();
	await expect(page.getByText('Schrijf eerst je bericht.')).toBeVisible();
	await page.getByLabel('Wat wil je vragen over dit plan?').fill('Wat bedoel je met stap 3?');
	await page.getByRole('button', { name: 'Stuur naar je klantmanager' }).first().click();
	await expect(
		page.getByText('Je hebt iets gevraagd over deze versie. Dit wacht op je klantmanager.')
	).toBeVisible({ timeout: 10_000 });

	const km = await browser.newContext({
		baseURL: `http://localhost:${process.env.E2E_PORT ?? 4173}`
	});
	const kmPage = await km.newPage();
	await signInAs(kmPage, 'klantmanager2');
	await kmPage.goto('/km/berichten');
	await kmPage.locator('tr', { hasText: 'Lars Visser' }).getByRole('link').click();
	await kmPage.getByRole('link', { name: 'Terug naar Lars Visser' }).click();
	await kmPage.locator('a[href$="/plan"]').first().click();
	await expect(kmPage.getByText('De cliënt wacht op je antwoord over dit plan')).toBeVisible();
	await expect(kmPage.getByText('Wat bedoel je met stap 3?')).toBeVisible();
	await km.close();
});
