import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

// A client asks to change an appointment; the klantmanager answers and decides (approve or
// decline, src/lib/server/messages/reply.ts). The client then sees the decision on the
// appointment, with the answer below it. Works on Noor Visser (reserved for the specs in
// src/lib/server/seed/personas/spec-clients.ts) with two appointments this spec plans itself,
// far ahead and unique to the run, so nothing another spec reads changes.

const run = Date.now();
const isoDay = (daysAhead: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
		new Date(Date.now() + daysAhead * 86_400_000)
	);

async function staffPage(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await signInAs(page, 'klantmanager');
	await page.getByLabel('Zoek op naam of cliëntnummer').fill('Noor');
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	await page.getByRole('link', { name: 'Noor Visser' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noor Visser');
	return page;
}

async function planAppointment(km: Page, daysAhead: number, purpose: string) {
	await km.getByRole('link', { name: 'Afspraak plannen' }).click();
	await km.getByLabel('Datum').fill(isoDay(daysAhead));
	await km.getByLabel('Begintijd').fill('10:00');
	await km.getByLabel('Waarover').fill(purpose);
	await km.getByRole('button', { name: 'Afspraak plannen' }).click();
	await expect(km.getByRole('heading', { level: 1 })).toHaveText('Noor Visser');
}

async function askOtherTime(client: Page, purpose: string, reason: string) {
	await client.goto('/afspraken');
	await client.locator('.list li', { hasText: purpose }).getByRole('link').click();
	await client.getByLabel('Ik wil een ander tijdstip').check();
	await client.getByLabel('Waarom?').fill(reason);
	await client.getByRole('button', { name: 'Verstuur' }).click();
	await expect(client.getByText(/Je verzoek is verstuurd/)).toBeVisible();
}

async function answer(km: Page, reason: string, decision: 'Goedkeuren' | 'Afwijzen', body: string) {
	const about = km.locator('#replyTo option', { hasText: reason });
	await km.locator('#replyTo').selectOption((await about.getAttribute('value'))!);
	const choices = km.getByRole('group', { name: 'Het verzoek om de afspraak te wijzigen' });
	await choices.getByLabel(decision).check();
	await km.getByLabel('Je antwoord').fill(body);
	await km.getByRole('button', { name: 'Versturen' }).click();
	await expect(km.getByText('Je antwoord is verstuurd.')).toBeVisible();
}

test('the klantmanager approves one change request and declines another; the client sees each', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const approved = { purpose: `Sollicitatie oefenen (${run})`, reason: `Dan werk ik (${run}).` };
	const declined = { purpose: `Cv bespreken (${run})`, reason: `Dan ben ik weg (${run}).` };

	const km = await staffPage(browser);
	await planAppointment(km, 60, approved.purpose);
	await planAppointment(km, 61, declined.purpose);

	const clientContext = await browser.newContext();
	const client = await clientContext.newPage();
	await signInAs(client, 'noor');
	await askOtherTime(client, approved.purpose, approved.reason);
	await askOtherTime(client, declined.purpose, declined.reason);

	await km.locator('a.button', { hasText: 'Berichten' }).click();
	await answer(km, approved.reason, 'Goedkeuren', `Goed, we kiezen een ander moment (${run}).`);
	await answer(km, declined.reason, 'Afwijzen', `Deze afspraak is echt nodig (${run}).`);
	// Decided: an answer about it asks for no decision any more.
	const about = km.locator('#replyTo option', { hasText: approved.reason });
	await km.locator('#replyTo').selectOption((await about.getAttribute('value'))!);
	await expect(
		km.getByRole('group', { name: 'Het verzoek om de afspraak te wijzigen' })
	).toHaveCount(0);

	for (const [it, status, said] of [
		[approved, 'Je klantmanager heeft je verzoek goedgekeurd.', 'we kiezen een ander moment'],
		[declined, 'Je klantmanager kan je verzoek niet goedkeuren.', 'Deze afspraak is echt nodig']
	] as const) {
		await client.goto('/afspraken');
		await client.locator('.list li', { hasText: it.purpose }).getByRole('link').click();
		const request = client.getByRole('region', { name: 'Jouw verzoek' });
		await expect(request).toContainText(status);
		await expect(client.getByText(`${said} (${run}).`)).toBeVisible();
	}
	await expectNoAxeViolations(client);
	await clientContext.close();
	await km.context().close();
});
