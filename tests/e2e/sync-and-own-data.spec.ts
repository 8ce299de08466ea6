import { expect, test } from '@playwright/test';
import { BASE_URL, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './helpers';

// Issue 15, part 2: the admin makes and revokes a sync API key and sets retention terms; a
// client reads and downloads their own data. Reads only what no other spec changes: the key
// and the client it sends are this spec's own; the copy is Frans's (no other spec changes him
// in ways this checks), and Maryam's in Arabic.

test('an admin makes a key that is shown once, the API takes it, and after revoking it does not', async ({
	page,
	playwright
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1024, height: 800 });
	await signInAs(page, 'admin');
	await page.goto('/beheer/api-sleutels');
	await expectNoAxeViolations(page);
	const name = `Suite4 e2e ${Date.now()}`;
	await page.getByLabel('Naam van de sleutel').fill(name);
	await page.getByLabel('Mag').selectOption('clients');
	await page.getByRole('button', { name: 'Sleutel maken' }).click();
	const key = (await page.getByTestId('new-key').textContent())!.trim();
	expect(key).toMatch(/^ww_[a-z2-7]{16}_[a-z2-7]{52}$/);
	await expectNoAxeViolations(page);

	const api = await playwright.request.newContext({ baseURL: BASE_URL });
	const number = `E2E-${Date.now()}`;
	const send = (k: string) =>
		api.put('/api/v1/clients', {
			headers: { authorization: `Bearer ${k}` },
			data: {
				clients: [
					{
						clientNumber: number,
						name: 'Eef Tweede',
						birthDate: '1991-05-05',
						benefitStart: '2026-10-01'
					}
				]
			},
			failOnStatusCode: false
		});
	const first = await send(key);
	expect(first.status()).toBe(200);
	expect(await first.json()).toMatchObject({ created: 1 });
	expect(await (await send(key)).json()).toMatchObject({ created: 0, unchanged: 1 });

	// The list shows the key's start and that it was used, never the key itself.
	await page.goto('/beheer/api-sleutels');
	const row = page.getByRole('row', { name: new RegExp(name) });
	await expect(row).toContainText(key.slice(0, 19));
	await expect(page.locator('body')).not.toContainText(key.slice(20));
	await expect(row).not.toContainText('Nog nooit');
	await row.getByRole('button', { name: `Intrekken: ${name}` }).click();
	await expect(page.locator('p.saved[role="status"]')).toContainText('ingetrokken');
	const after = await send(key);
	expect(after.status()).toBe(401);
	expect(after.headers()['content-type']).toContain('application/problem+json');
	await api.dispose();
});

test('retention terms: a wrong number is named and what was typed stays; the page is accessible', async ({
	page
}) => {
	await page.setViewportSize({ width: 1024, height: 800 });
	await signInAs(page, 'admin');
	await page.goto('/beheer/bewaartermijnen');
	await expectNoAxeViolations(page);
	const section = page.locator('section.card').first();
	const plans = section.getByLabel(/^Plannen/);
	await plans.fill('0');
	await section.getByRole('button', { name: /^Opslaan voor/ }).click();
	const summary = section.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText('1 tot 3650');
	await expect(section.getByLabel(/^Plannen/)).toHaveValue('0');
	await expectNoAxeViolations(page);
});

// Frans reads Dutch; Maryam reads Arabic (right to left).
for (const [who, name, others] of [
	['frans', 'Frans', ['Maryam', 'Lieke', 'Lars']],
	['maryam', 'Maryam', ['Frans', 'Lieke', 'Lars']]
] as const)
	test(`${name} sees and downloads all their own data at 320 px`, async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 700 });
		await signInAs(page, who);
		await page.goto('/profiel');
		await page.locator('a[href="/profiel/gegevens"]').click();
		await expect(page).toHaveURL(/\/profiel\/gegevens$/);
		await expect(page.locator('h1')).toBeVisible();
		await expect(page.locator('body')).toContainText('WW-');
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		const download = await page.request.get('/profiel/gegevens/bestand');
		expect(download.status()).toBe(200);
		expect(download.headers()['content-disposition']).toContain('attachment');
		const copy = await download.json();
		expect(copy.groups.person.user[0].displayName).toContain(name);
		// Nothing of another client, and no secret of their own.
		const text = JSON.stringify(copy);
		for (const other of [...others, 'passwordHash', 'secretHash', 'codeHash'])
			expect(text).not.toContain(other);
	});

// A written request (AVG art. 15): Maryam's klantmanager makes her copy from her file; an admin
// finds her by her client number. Both pages readable at 320 px; another team gets 403.
test('a klantmanager and an admin make the copy for a written request; another team may not', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 320, height: 700 });
	await signInAs(page, 'klantmanager');
	await page.goto('/km');
	const file = await page.getByRole('link', { name: /Maryam/ }).getAttribute('href');
	await page.goto(file!);
	await page.getByRole('link', { name: 'Kopie van de gegevens (AVG)' }).click();
	await expect(page).toHaveURL(/\/gegevens$/);
	await expect(page.locator('h1')).toContainText('Maryam');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	const download = await page.request.get(`${file}/gegevens/bestand`);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toContain('attachment');
	const copy = await download.json();
	expect(copy.groups.person.user[0].displayName).toContain('Maryam');
	expect(JSON.stringify(copy)).not.toContain('Frans');
	await signInAs(page, 'klantmanager2');
	expect((await page.goto(`${file}/gegevens`))?.status()).toBe(403);
	await expect(page.locator('main')).not.toContainText('Maryam');

	await signInAs(page, 'admin');
	await page.goto('/beheer');
	await page.getByRole('link', { name: 'Kopie van gegevens voor een verzoek' }).click();
	await page.getByLabel('Cliëntnummer').fill('XX-404');
	await page.getByRole('button', { name: 'Kopie maken' }).click();
	await expect(page.getByRole('alert')).toContainText('geen cliënt met dit nummer');
	await expect(page.getByLabel('Cliëntnummer')).toHaveValue('XX-404');
	await expectNoAxeViolations(page);
	const number: string = copy.groups.person.client[0].clientNumber;
	await page.getByLabel('Cliëntnummer').fill(number.toLowerCase());
	await page.getByRole('button', { name: 'Kopie maken' }).click();
	await expect(page).toHaveURL(/\/beheer\/gegevens\/[0-9a-f-]{36}$/);
	await expect(page.locator('h1')).toContainText('Maryam');
	await expect(page.locator('body')).toContainText(number);
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
});
