import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// Text areas (Field.svelte, multiline) without JavaScript and before the scripts arrive.
// Svelte's server rendering drops `defaultValue` on a <textarea> (sveltejs/svelte#18771): an
// edit form showed its text empty without JavaScript. And a live value would overwrite, at
// hydration, what a person on a slow phone typed before the scripts arrived. Both are checked
// on the glossary editor, which these tests only read and type in (nothing is saved).

test('an edit form shows its text in the text area without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInAs(page, 'admin');
	await page.goto('/beheer/woordenlijst/nl');
	const entry = page.locator('article', {
		has: page.getByRole('heading', { name: 'ombudsman', exact: true })
	});
	await expect(entry.getByLabel('Uitleg')).toHaveValue(/klachten over de overheid/);
	await context.close();
});

test('text typed before the scripts arrive is kept when the page comes alive', async ({ page }) => {
	await signInAs(page, 'admin');
	// Hold back the page's scripts until the text is typed, as on a slow phone.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/beheer/woordenlijst/nl', { waitUntil: 'commit' });
	const entry = page.locator('article', {
		has: page.getByRole('heading', { name: 'ombudsman', exact: true })
	});
	const explanation = entry.getByLabel('Uitleg');
	await expect(explanation).toHaveValue(/klachten over de overheid/);
	await explanation.fill('Getypt voordat de pagina klaar was.');
	const fresh = page.getByLabel('Uitleg').first();
	await fresh.fill('Nieuw: ook getypt voordat de pagina klaar was.');

	release();
	await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
	await expect(explanation).toHaveValue('Getypt voordat de pagina klaar was.');
	await expect(fresh).toHaveValue('Nieuw: ook getypt voordat de pagina klaar was.');
});
