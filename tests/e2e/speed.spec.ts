import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { headerProblems } from './security-headers';
import { contextFor } from './security-personas';
import { signInAs, waitForOfflineCopy } from './helpers';

// Issue #19: what a cheap phone downloads. Answers are compressed as the browser asks, with
// every security header kept; the UI strings come once per language as an immutable file,
// not inside every page; the first visit loads no validator (zod).

const messages = (lang: string) => JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'));
const nl = messages('nl');
/** Maryam, the demo client, reads Wegwijs in Arabic. */
const ar = messages('ar');

test.describe('compressed answers on the built server', () => {
	const cases = [
		{ who: 'anonymous' as const, path: '/login', type: 'text/html' },
		{ who: 'client' as const, path: '/', type: 'text/html' },
		{ who: 'client' as const, path: '/plan', type: 'text/html' },
		{ who: 'client' as const, path: '/plan/__data.json', type: 'application/json' },
		{ who: 'client' as const, path: '/api/client/plan', type: 'application/json' },
		{ who: 'klantmanager' as const, path: '/km', type: 'text/html' }
	];
	for (const { who, path, type } of cases) {
		test(`${path} (${who}) comes brotli or gzip as asked, headers intact`, async () => {
			const ctx = await contextFor(who);
			const plain = await ctx.get(path, { headers: { 'accept-encoding': 'identity' } });
			expect(plain.status()).toBe(200);
			expect(plain.headers()['content-encoding']).toBeUndefined();
			const body = await plain.text();
			for (const [asked, got] of [
				['br, gzip', 'br'],
				['gzip, deflate', 'gzip']
			] as const) {
				const res = await ctx.get(path, { headers: { 'accept-encoding': asked } });
				const h = res.headers();
				expect(h['content-encoding'], asked).toBe(got);
				expect(h['content-type']).toContain(type);
				expect(h['vary']).toMatch(/Accept-Encoding/i);
				expect(headerProblems(h, who !== 'anonymous')).toEqual([]);
				// The same answer (up to the fresh form key and time in it), decoded by the client.
				const text = await res.text();
				if (type === 'application/json') expect(() => JSON.parse(text)).not.toThrow();
				expect(Math.abs(text.length - body.length)).toBeLessThan(body.length * 0.05);
			}
			await ctx.dispose();
		});
	}

	test('static files keep their precompressed copies and stay immutable', async () => {
		const ctx = await contextFor('anonymous');
		const html = await (await ctx.get('/login')).text();
		const script = /\/_app\/immutable\/entry\/start\.[\w-]+\.js/.exec(html)![0];
		const res = await ctx.get(script, { headers: { 'accept-encoding': 'br, gzip' } });
		expect(res.headers()['content-encoding']).toBe('br');
		expect(res.headers()['cache-control']).toContain('immutable');
		await ctx.dispose();
	});
});

/** Every script the page loads until the network is idle, with its text. */
async function scriptsUntilIdle(page: Page, path: string) {
	const scripts: { url: string; text: string; cacheControl: string }[] = [];
	page.on('response', async (res) => {
		if (res.request().resourceType() !== 'script') return;
		scripts.push({
			url: res.url(),
			text: await res.text().catch(() => ''),
			cacheControl: res.headers()['cache-control'] ?? ''
		});
	});
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	return scripts;
}

test.describe('UI strings once per language', () => {
	test('a page’s HTML carries only the texts it shows, not the whole language', async () => {
		const ctx = await contextFor('client');
		const html = await (await ctx.get('/plan')).text();
		expect(html).toContain(`<h1>${ar.plan.title}</h1>`);
		// Texts of other pages (the survey, the explanations) are not sent with Mijn plan.
		expect(html).not.toContain(ar.survey.homeTitle);
		expect(html).not.toContain(ar.help.title);
		expect(html).not.toContain('"skipLink"');
		// Since #18 Mijn plan also holds its Dutch copy for print (hidden on screen, its due dates
		// in the data too since #19); on the wire it is compressed (the bench keeps HTML ≤ 6 KB
		// there). Maryam's Arabic client strings alone would add about 30 KB.
		expect(html.length).toBeLessThan(36_000);
		await ctx.dispose();
	});

	test('a client’s phone gets the strings of the page it opens: the shell and the page’s own', async ({
		page
	}) => {
		await signInAs(page, 'maryam');
		const scripts = await scriptsUntilIdle(page, '/');
		const files = (text: string) => scripts.filter((s) => s.text.includes(text));
		// The shell (header, bottom navigation) and Home's own strings: one immutable file each.
		for (const text of [ar.app.skipLink, ar.home.noDueSteps]) {
			expect(files(text).map((s) => s.url)).toHaveLength(1);
			expect(files(text)[0]!.url).toContain('/_app/immutable/');
			expect(files(text)[0]!.cacheControl).toContain('immutable');
		}
		// Not the strings of the staff screens, nor of pages not opened (#19).
		expect(files(ar.km.intro)).toEqual([]);
		expect(files(ar.profile.signOutInfo)).toEqual([]);
		expect(files(ar.login.identifierHint)).toEqual([]);
		// The page is translated once the browser took over, too.
		await expect(page.getByRole('link', { name: ar.app.skipLink })).toBeAttached();
		// Another page, opened in the browser, gets its strings then.
		await page.locator('.bottom-nav').getByRole('link', { name: ar.bottomNav.profile }).click();
		await expect(page.getByRole('heading', { level: 1, name: ar.profile.title })).toBeVisible();
		await expect(page.getByText(ar.profile.signOutInfo)).toBeVisible();
	});

	test('the sign-in page loads the shell and the sign-in strings only', async ({ page }) => {
		const scripts = await scriptsUntilIdle(page, '/login');
		const files = (text: string) => scripts.filter((s) => s.text.includes(text));
		expect(files(nl.login.title)).toHaveLength(1);
		for (const text of [nl.home.noDueSteps, nl.plan.title, nl.profile.signOutInfo, nl.km.intro])
			expect(files(text), text).toEqual([]);
	});

	test('staff get the staff texts as well', async ({ page }) => {
		await signInAs(page, 'klantmanager');
		const scripts = await scriptsUntilIdle(page, '/km');
		expect(scripts.some((s) => s.text.includes(nl.km.intro))).toBe(true);
		// Nor the client's outbox (#19).
		expect(scripts.some((s) => s.text.includes('/api/client/documents'))).toBe(false);
	});

	test('a visitor’s first visit loads no validator, no offline store and no outbox', async ({
		page
	}) => {
		const scripts = await scriptsUntilIdle(page, '/login');
		expect(scripts.filter((s) => /ZodError|\$ZodType/.test(s.text)).map((s) => s.url)).toEqual([]);
		expect(scripts.filter((s) => s.text.includes('wegwijs-user-')).map((s) => s.url)).toEqual([]);
		// The outbox (a client's queued changes) sends documents to this address.
		expect(
			scripts.filter((s) => s.text.includes('/api/client/documents')).map((s) => s.url)
		).toEqual([]);
	});

	// Every client page that changes nothing when shown (/berichten marks read, which queues an
	// action checked by zod). The message form on /plan and /afspraken once pulled zod in for
	// its length limit alone.
	for (const path of ['/', '/plan', '/afspraken', '/uitleg', '/uitleg/hulp', '/profiel']) {
		test(`a client’s first visit to ${path} loads no validator`, async ({ page }) => {
			await signInAs(page, 'maryam');
			const scripts = await scriptsUntilIdle(page, path);
			expect(scripts.filter((s) => /ZodError|\$ZodType/.test(s.text)).map((s) => s.url)).toEqual(
				[]
			);
		});
	}
});

/** The names of the offline databases in this browser (one per person kept). */
const offlineDatabases = (page: Page) =>
	page.evaluate(async () =>
		(await indexedDB.databases())
			.map((d) => d.name ?? '')
			.filter((n) => n.startsWith('wegwijs-user-'))
	);

test.describe('the offline store, loaded when the page is idle', () => {
	test('keeps a client’s copy, and signing out still wipes it', async ({ page }) => {
		await signInAs(page, 'maryam');
		await waitForOfflineCopy(page, 'home');
		expect(await offlineDatabases(page)).toHaveLength(1);
		await page.getByRole('button', { name: ar.app.signOut }).click();
		await page.waitForURL(/\/login/);
		await expect.poll(() => offlineDatabases(page), { timeout: 10_000 }).toEqual([]);
		expect(await page.evaluate(() => localStorage.getItem('wegwijs-last-user'))).toBeNull();
	});

	test('keeps nothing for staff', async ({ page }) => {
		await signInAs(page, 'klantmanager');
		await page.goto('/km');
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(2500); // past the idle callback's time-out
		expect(await offlineDatabases(page)).toEqual([]);
	});
});
