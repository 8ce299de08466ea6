import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One-click demo sign-in as a persona or staff role (demo mode is on in the test server). */
export async function signInAs(page: Page, key: string) {
	await page.context().clearCookies();
	await page.goto('/login');
	await page.locator(`button[name="key"][value="${key}"]`).click();
	await page.waitForLoadState('networkidle');
}

/**
 * Runs axe-core in the page for WCAG 2.1 A/AA. Evaluated through the DevTools protocol, so the
 * page's strict CSP stays on while we test.
 */
export async function expectNoAxeViolations(page: Page) {
	await page.evaluate(axeSource);
	const result = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
		});
		return r.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({
			id: v.id,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	});
	expect(result).toEqual([]);
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
export async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** The origin the test server listens on (playwright.config.ts reads the same variable). */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Waits until the page's encrypted offline copy is written (it is saved in the background). */
export async function waitForOfflineCopy(page: Page, key: string) {
	await expect
		.poll(
			() =>
				page.evaluate(async (k) => {
					const user = localStorage.getItem('wegwijs-last-user');
					if (!user) return false;
					// Never create the database ourselves: only look once the app has made it.
					const name = `wegwijs-user-${user}`;
					if (!(await indexedDB.databases()).some((d) => d.name === name)) return false;
					const db = await new Promise<IDBDatabase>((resolve, reject) => {
						const req = indexedDB.open(name);
						req.onsuccess = () => resolve(req.result);
						req.onerror = () => reject(req.error);
					});
					try {
						if (!db.objectStoreNames.contains('pages')) return false;
						return await new Promise<boolean>((resolve) => {
							const req = db.transaction('pages').objectStore('pages').getKey(k);
							req.onsuccess = () => resolve(req.result !== undefined);
							req.onerror = () => resolve(false);
						});
					} finally {
						db.close();
					}
				}, key),
			{ timeout: 10_000 }
		)
		.toBe(true);
}

/**
 * Every client page, for the signed-in client on `page`: their first appointment, and the
 * given topic and instrument (by default the first instrument of the catalogue).
 */
export async function clientPages(
	page: Page,
	{ topic, instrument }: { topic: string; instrument?: string }
): Promise<string[]> {
	await page.goto('/afspraken');
	const appointment = await page.locator('.list a').first().getAttribute('href');
	let instrumentPath = instrument && `/uitleg/hulp/${instrument}`;
	if (!instrumentPath) {
		await page.goto('/uitleg/hulp?segment=all&age=all&statushouder=all');
		instrumentPath = (await page.locator('.instruments a').first().getAttribute('href'))!;
	}
	return [
		'/',
		'/plan',
		'/plan/geschiedenis',
		'/afspraken',
		appointment!,
		'/uitleg',
		`/uitleg/${topic}`,
		'/uitleg/hulp',
		instrumentPath,
		'/profiel'
	];
}
