import { expect, test, type Page } from '@playwright/test';
import {
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	signInAs,
	waitForOfflineCopy
} from './helpers';

// Handhaving (issue #13 §7): the klantmanager records a maatregel on the client file, without
// JavaScript, a wrong value first (the error says what to fix, nothing typed is lost); the client
// reads it on the rights-and-duties page with the last day for bezwaar and how to object.
// Works only on Noor Visser, reserved for this spec in src/lib/server/seed/demo.ts.

const isoDay = (d: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
const today = isoDay(new Date());
/** The first and last day of next month (a maatregel starts after the besluit). */
const [y, m] = today.split('-').map(Number) as [number, number];
const first = new Date(Date.UTC(m === 12 ? y + 1 : y, m % 12, 1));
const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
const day = (d: Date) => d.toISOString().slice(0, 10);
/** A reason unique to this run, so a repeat finds its own. */
const reason = `Niet op de afspraak gekomen (${Date.now()}).`;

async function openNoor(page: Page) {
	await signInAs(page, 'klantmanager');
	await page.getByLabel('Zoek op naam of cliëntnummer').fill('Noor');
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	await page.getByRole('link', { name: 'Noor Visser' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noor Visser');
	await page.getByRole('link', { name: 'Maatregelen en boetes' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Maatregelen en boetes van Noor Visser'
	);
}

test.describe.serial('a maatregel, from the klantmanager to the client', () => {
	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
		test('a besluit dated before Noor’s benefit began is refused; everything typed stays', async ({
			page
		}) => {
			// Noor's benefit began about a year ago (demo seed): 2020 is before her file.
			const early = `Boete van voor de uitkering (${Date.now()}).`;
			await openNoor(page);
			const form = page.locator('form[action="?/record"]');
			await form.getByLabel('Soort besluit').selectOption('boete');
			await form.getByLabel('Datum van het besluit').fill('2020-03-02');
			await form.getByLabel('Bedrag in euro').fill('125,50');
			await form.getByLabel('Reden').fill(early);
			await form.getByRole('button', { name: 'Besluit vastleggen' }).click();

			await expect(page.getByRole('alert')).toContainText(
				'Deze datum ligt vóór de eerste dag van de uitkering van deze cliënt.'
			);
			const again = page.locator('form[action="?/record"]');
			await expect(again.getByLabel('Datum van het besluit')).toHaveValue('2020-03-02');
			await expect(again.getByLabel('Datum van het besluit')).toHaveAttribute(
				'aria-invalid',
				'true'
			);
			await expect(again.getByLabel('Soort besluit')).toHaveValue('boete');
			await expect(again.getByLabel('Bedrag in euro')).toHaveValue('125,50');
			await expect(again.getByLabel('Reden')).toHaveValue(early);
			// Nothing was recorded.
			await expect(page.locator('article', { hasText: early })).toHaveCount(0);
		});

		test('Sanne records a maatregel; a wrong percentage keeps everything she typed', async ({
			page
		}) => {
			await openNoor(page);
			const form = page.locator('form[action="?/record"]');
			await form.getByLabel('Soort besluit').selectOption('maatregel');
			await form.getByLabel('Datum van het besluit').fill(today);
			await form.getByLabel('Waarvoor').selectOption('verplichtingen');
			await form.getByLabel('Verlaging in procenten').fill('150');
			await form.getByLabel('Eerste dag van de verlaging').fill(day(first));
			await form.getByLabel('Laatste dag van de verlaging').fill(day(last));
			await form.getByLabel('Reden').fill(reason);
			await form.getByRole('button', { name: 'Besluit vastleggen' }).click();

			await expect(page.getByRole('alert')).toContainText('Vul een heel getal in van 0 tot 100.');
			const again = page.locator('form[action="?/record"]');
			// Everything typed comes back, the text area too (Svelte's server rendering drops
			// `defaultValue` on a <textarea>, sveltejs/svelte#18771; Field.svelte writes it as content).
			await expect(again.getByLabel('Reden')).toHaveValue(reason);
			await expect(again.getByLabel('Soort besluit')).toHaveValue('maatregel');
			await expect(again.getByLabel('Waarvoor')).toHaveValue('verplichtingen');
			await expect(again.getByLabel('Datum van het besluit')).toHaveValue(today);
			await expect(again.getByLabel('Laatste dag van de verlaging')).toHaveValue(day(last));
			await expect(again.getByLabel('Verlaging in procenten')).toHaveValue('150');
			await expect(again.getByLabel('Verlaging in procenten')).toHaveAttribute(
				'aria-invalid',
				'true'
			);
			// (axe needs JavaScript in the page: it runs on the client's page below.)

			await again.getByLabel('Verlaging in procenten').fill('30');
			await again.getByRole('button', { name: 'Besluit vastleggen' }).click();
			await expect(page.getByText('Het besluit is vastgelegd.')).toBeVisible();
			await expect(page.locator('article', { hasText: reason })).toContainText('30% verlaging');
		});
	});

	test('Noor reads it on her rights and duties, with the last day for bezwaar and how', async ({
		page
	}) => {
		await page.setViewportSize({ width: 320, height: 800 });
		await signInAs(page, 'noor');
		await page.goto('/uitleg');
		const section = page.locator('section', {
			has: page.getByRole('heading', { name: 'Maatregelen, boetes en terugvorderingen' })
		});
		const item = section.locator('li', { hasText: reason });
		await expect(item).toContainText('Maatregel: je krijgt minder uitkering');
		await expect(item).toContainText('Je krijgt 30% minder uitkering');
		await expect(item).toContainText('Waarom: je hebt je niet gehouden aan een andere plicht.');
		await expect(item).toContainText('Bezwaar maken kan tot en met');
		await expect(
			section.getByRole('heading', { name: 'Niet eens met een besluit? Maak bezwaar' })
		).toBeVisible();
		await expect(section).toContainText('Je hebt 6 weken.');
		await expect(section).toContainText('Is de laatste dag een zaterdag, zondag of feestdag?');
		await expect(section).toContainText('Algemene termijnenwet, artikel 1');
		await expectNoHorizontalScroll(page);
		await expectNoAxeViolations(page);
	});

	test('offline, the copy Noor keeps shows the same last day for bezwaar', async ({
		page,
		context
	}) => {
		await signInAs(page, 'noor');
		await page.goto('/uitleg');
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.goto('/uitleg');
		await waitForOfflineCopy(page, 'uitleg');
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		const deadline = page.locator('li', { hasText: reason }).locator('.deadline');
		const online = await deadline.innerText();
		expect(online).toMatch(/^Bezwaar maken kan tot en met .+\.$/);

		await context.setOffline(true);
		await page.goto('/uitleg');
		await expect(page.getByText(/Je bent offline\. Dit zijn de gegevens van/)).toBeVisible();
		await expect(deadline).toHaveText(online);
		await context.setOffline(false);
	});
});
