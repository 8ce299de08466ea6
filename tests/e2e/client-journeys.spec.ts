import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { hasDatabase, sql } from './db';
import { signInAs, waitForOfflineCopy } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

async function downloadIcs(page: Page): Promise<string> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('a[href$="agenda.ics"]').click()
	]);
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function amsterdamTime(date: Date): string {
	return new Intl.DateTimeFormat('nl-NL', {
		timeZone: 'Europe/Amsterdam',
		hour: '2-digit',
		minute: '2-digit'
	}).format(date);
}

test.describe('Lars: a short task list on his phone', () => {
	test('reads a rights topic with its legal basis and whether it was checked', async ({ page }) => {
		await signInAs(page, 'lars');
		await page.getByRole('link', { name: 'Uitleg' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitleg: rechten en plichten');
		await expect(page.getByText('Wat geldt voor jou')).toBeVisible();
		await expect(page.getByText('28 uur per week')).toBeVisible();
		await page.getByRole('link', { name: /Veranderingen doorgeven/ }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Wat moet je doen' })).toBeVisible();
		await expect(page.getByText(/Wet: .*art\. 17/)).toBeVisible();
		// Nobody checked the seeded text: the page says so (issue 17).
		await expect(
			page.getByText('Deze tekst is nog niet gecontroleerd.', { exact: false })
		).toBeVisible();
	});

	test('filters the catalogue from his own situation and asks about an instrument', async ({
		page
	}) => {
		await signInAs(page, 'lars');
		await page.goto('/uitleg/hulp');
		// Pre-selected: his segment (werk) and age band (under 27).
		await expect(page.getByRole('radio', { name: 'Werk', exact: true })).toBeChecked();
		await expect(page.getByRole('radio', { name: 'Jonger dan 27' })).toBeChecked();
		const mine = await page.locator('.instruments > li').count();
		await page.getByRole('radio', { name: 'Alle leeftijden' }).check();
		await page.getByRole('radio', { name: 'Alles', exact: true }).check();
		await page.getByRole('radio', { name: 'Maakt niet uit' }).check();
		await page.getByRole('button', { name: 'Toon de hulp' }).click();
		await expect(page).toHaveURL(/segment=all/);
		expect(await page.locator('.instruments > li').count()).toBeGreaterThan(mine);

		await page.locator('.instruments a').first().click();
		await page.getByRole('button', { name: 'Vraag mijn klantmanager hiernaar' }).click();
		await expect(page.getByText('Je hebt je klantmanager hiernaar gevraagd.')).toBeVisible();
	});

	test('marks his own step done and sees the progress move', async ({ page }) => {
		await signInAs(page, 'lars');
		await page.getByRole('link', { name: 'Plan', exact: true }).click();
		await expect(page.getByText('1 van 5 stappen klaar')).toBeVisible();
		// The overdue step says so in words, not only in colour.
		const step = page.locator('li.step', { hasText: 'Je loonstrook van vorige maand' });
		await expect(step.getByText('Te laat')).toBeVisible();
		// Steps of the jobcoach or klantmanager cannot be ticked off by him.
		const partnerStep = page.locator('li.step', { hasText: 'bijpraten met je jobcoach' });
		await expect(partnerStep.getByRole('button', { name: 'Dit is klaar' })).toHaveCount(0);
		// The note is saved on its own; "Dit is klaar" is its own button (issue 16).
		await step.getByText('Notitie toevoegen').click();
		await step.getByLabel('Notitie (mag leeg blijven)').fill('Gedaan 🙂 <b>echt</b>');
		await step.getByRole('button', { name: 'Notitie opslaan' }).click();
		await expect(step.getByText('Gedaan 🙂 <b>echt</b>')).toBeVisible();
		await expect(page.getByText('1 van 5 stappen klaar')).toBeVisible();
		await step.getByRole('button', { name: 'Dit is klaar' }).click();
		await expect(page.getByText('2 van 5 stappen klaar')).toBeVisible();
		const done = page.locator('li.step', { hasText: 'Je loonstrook van vorige maand' });
		await expect(done.getByText('Gedaan 🙂 <b>echt</b>')).toBeVisible();
	});

	test('downloads a calendar file with the right start time and asks for another time', async ({
		page
	}) => {
		await signInAs(page, 'lars');
		await page.getByRole('link', { name: 'Afspraken' }).click();
		await page.locator('.list a').first().click();
		const shown = await page.locator('.details dd').first().innerText();
		const ics = await downloadIcs(page);
		const event = new ICAL.Event(
			new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
		);
		const start = event.startDate.toJSDate();
		expect(shown).toContain(amsterdamTime(start));
		expect(event.summary).toContain('Afspraak met');

		await page.getByRole('button', { name: 'Verstuur' }).click();
		// Empty reason: a clear message next to the field, nothing sent.
		await expect(page.getByText('Schrijf kort waarom.')).toBeVisible();
		await page.getByLabel('Ik wil een ander tijdstip').check();
		await page.getByLabel('Waarom?').fill('Ik moet dan werken.');
		await page.getByRole('button', { name: 'Verstuur' }).click();
		await expect(page.getByText(/Je verzoek is verstuurd/)).toBeVisible();
		// The request is a message about the appointment: its reason shows once (#16).
		await expect(page.getByText('Ik moet dan werken.')).toHaveCount(1);
		await page.reload();
		await expect(page.getByText('Ik moet dan werken.')).toHaveCount(1);
	});
});

test.describe('Maryam: her plan in Arabic', () => {
	test('reads her shared plan right to left and agrees to it', async ({ page }) => {
		await signInAs(page, 'maryam');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await page.goto('/plan');
		const agree = page.locator('form[action="?/agree"] button');
		await expect(agree).toBeVisible();
		// Before she agrees she is told, in Arabic, which parts are still in Dutch (#18).
		const dutchParts = page.locator('.agree .dutch-parts');
		await expect(dutchParts).toContainText('هذه الأجزاء باللغة الهولندية');
		await expect(dutchParts.locator('li[lang="nl"]')).toHaveCount(3);
		await agree.click();
		await expect(page.locator('.agreed')).toBeVisible();
		await expect(agree).toHaveCount(0);
		// The client number and phone numbers stay left to right inside Arabic text.
		await page.goto('/');
		await expect(page.locator('a[href^="tel:"] .ltr')).toHaveCSS('direction', 'ltr');
	});

	test('a rights topic and the catalogue open, with the Dutch marker where no Arabic exists yet', async ({
		page
	}) => {
		await signInAs(page, 'maryam');
		await page.goto('/uitleg/inlichtingenplicht');
		await expect(page.locator('article')).toBeVisible();
		await page.goto('/uitleg/hulp');
		await expect(page.locator('.instruments > li').first()).toBeVisible();
	});
});

test.describe('offline after one visit', () => {
	test('Tim opens his pages offline, queues actions, and the server applies each once', async ({
		page,
		context
	}) => {
		await signInAs(page, 'tim');
		await page.goto('/afspraken');
		const appointmentHref = await page.locator('.list a').first().getAttribute('href');
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		for (const [path, key] of [
			['/', 'home'],
			['/plan', 'plan'],
			['/afspraken', 'appointments'],
			[appointmentHref!, `appointment:${appointmentHref!.split('/').pop()}`]
		]) {
			await page.goto(path!);
			await waitForOfflineCopy(page, key!);
		}
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

		await context.setOffline(true);
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn plan');
		await expect(page.getByText(/Je bent offline\. Dit zijn de gegevens van/)).toBeVisible();

		const step = page.locator('li.step', { hasText: 'Elke maand je loonstrook laten zien' });
		await step.getByRole('button', { name: 'Dit is klaar' }).click();
		await expect(step.getByText('Wordt verstuurd…')).toBeVisible();
		// A double tap while offline queues nothing twice for the server to apply.
		await page.getByRole('link', { name: 'Afspraken' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Afspraken');
		await page.goto(appointmentHref!);
		await page.getByLabel('Waarom?').fill('Mijn jobcoach kan dan niet.');
		await page.getByRole('button', { name: 'Verstuur' }).click();
		await expect(page.getByText('Wordt verstuurd…')).toBeVisible();

		await context.setOffline(false);
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await expect(page.getByText('Wordt verstuurd…')).toHaveCount(0, { timeout: 20_000 });
		await expect(page.getByText(/Je verzoek is verstuurd/)).toBeVisible();
		await page.goto('/plan');
		await expect(
			page
				.locator('li.step', { hasText: 'Elke maand je loonstrook laten zien' })
				.getByRole('button', {
					name: 'Toch nog niet klaar'
				})
		).toBeVisible();

		if (hasDatabase) {
			const db = sql();
			const steps = await db`
				select s.status from plan_step s join plan p on p.id = s.plan_id
				join client c on c.id = p.client_id join "user" u on u.id = c.user_id
				where u.demo_key = 'tim' and s.title = 'Elke maand je loonstrook laten zien'`;
			expect(steps.map((s) => s.status)).toEqual(['done']);
			// One request, and its reason once: as the client's message about the appointment.
			const requests = await db`
				select r.id from client_request r join client c on c.id = r.client_id
				join "user" u on u.id = c.user_id
				where u.demo_key = 'tim' and r.kind = 'appointment_change'`;
			expect(requests).toHaveLength(1);
			const messages = await db`
				select m.body, m.intent from message m join client c on c.id = m.client_id
				join "user" u on u.id = c.user_id
				where u.demo_key = 'tim' and m.context_kind = 'appointment' and m.from_client`;
			expect(messages.map((m) => [m.intent, m.body])).toEqual([
				['cannot_come', 'Mijn jobcoach kan dan niet.']
			]);
		}
	});
});
