import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BASE_URL, expectNoAxeViolations, expectNoHorizontalScroll, signInAs } from './helpers';

// The council report as the demo reporter reads it (issue #13): every table of every section,
// for a closed quarter and a calendar year, in Dutch, and on phones whose browser has no Dutch
// (English and Arabic chosen in the app). What the suppression hides is checked against the
// downloads in security-privacy.spec.ts; here: what a reader sees and can use.

// The demo reporter's language is stored on her account: the tests that change it set it back to
// Dutch after each test (afterEach), whatever happened in it.

type Lang = 'nl' | 'en' | 'ar';

/** The tables each section shows, by the id in their download link. */
const SECTIONS: Record<string, string[]> = {
	's-satisfaction': [
		'satisfaction',
		'grade',
		'satisfaction-segment',
		'satisfaction-language',
		'satisfaction-trigger',
		'trend'
	],
	's-uses': ['uses-instrument', 'uses-segment'],
	's-effect': [
		'outflow',
		'effect-during',
		'effect-6',
		'effect-12',
		'ladder',
		'inflow-work',
		'durability'
	],
	's-bestand': [
		'bestand',
		'bestand-segment',
		'bestand-age',
		'bestand-duration',
		'bestand-statushouder',
		'bestand-trend',
		'flow-rates',
		'duration-over4'
	],
	's-service': ['exemptions', 'plans', 'answers'],
	's-handhaving': ['handhaving', 'handhaving-bands', 'handhaving-amounts', 'handhaving-trend']
};

type Kind = 'count' | 'pct' | 'interval' | 'euro' | 'grade';

/** What each figure column holds (by position after the row header), for the tables that differ. */
const KINDS: Record<string, Kind[]> = {
	satisfaction: ['pct', 'interval', 'count'],
	grade: ['grade', 'pct', 'count'],
	'bestand-trend': ['count', 'count', 'count', 'pct', 'pct'],
	'flow-rates': ['pct'],
	'duration-over4': ['pct', 'interval', 'count'],
	'inflow-work': ['pct', 'interval', 'count'],
	durability: ['pct', 'interval', 'pct', 'count'],
	exemptions: ['count', 'pct'],
	plans: ['count', 'pct', 'count', 'count'],
	answers: ['count', 'pct', 'interval', 'grade'],
	bestand: ['count'],
	'bestand-duration': ['count'],
	handhaving: ['count'],
	'handhaving-bands': ['count'],
	'handhaving-amounts': ['euro'],
	'handhaving-trend': ['count', 'count', 'euro', 'count', 'euro']
};

// How a reader of each language writes figures (Latin digits in every language of the app).
const PCT = /^\d{1,3}\s?[%٪]$/;
const FORMAT: Record<Lang, Record<Kind, RegExp>> = {
	nl: {
		count: /^\d{1,3}(\.\d{3})*$/,
		pct: /^\d{1,3}%$/,
		interval: /^\d{1,3}% – \d{1,3}%$/,
		euro: /^€\s?\d{1,3}(\.\d{3})*,\d{2}$/,
		grade: /^\d{1,2},\d$/
	},
	en: {
		count: /^\d{1,3}(,\d{3})*$/,
		pct: /^\d{1,3}%$/,
		interval: /^\d{1,3}% – \d{1,3}%$/,
		euro: /^€\s?\d{1,3}(,\d{3})*\.\d{2}$/,
		grade: /^\d{1,2}\.\d$/
	},
	ar: {
		count: /^\d{1,3}(,\d{3})*$/,
		pct: PCT,
		interval: /^\d{1,3}\s?[%٪] – \d{1,3}\s?[%٪]$/,
		euro: /^(€\s?\d{1,3}(,\d{3})*\.\d{2}|\d{1,3}(,\d{3})*\.\d{2}\s?€)$/,
		grade: /^\d{1,2}\.\d$/
	}
};

const MARKERS: Record<Lang, string[]> = {
	nl: ['< 10', 'verborgen'],
	en: ['< 10', 'hidden'],
	ar: ['< 10', 'مخفي']
};
const NONE = '–';

interface SeenCell {
	text: string;
	hidden: boolean;
}
interface SeenTable {
	id: string;
	section: string;
	caption: string;
	columns: { text: string; scope: string | null }[];
	rows: { tag: string; scope: string | null; head: string; cells: SeenCell[] }[];
	rules: string[];
}

/**
 * Every table of the report as a reader sees it (the text a screen reader gets besides the
 * visually hidden explanations), from the page or from the HTML the server sent.
 */
function readTables(html: string | null): SeenTable[] {
	const doc = html === null ? document : new DOMParser().parseFromString(html, 'text/html');
	const visible = (el: Element, drop: string) => {
		const copy = el.cloneNode(true) as Element;
		copy.querySelectorAll(drop).forEach((x) => x.remove());
		return (copy.textContent ?? '')
			.replace(/[\u200e\u200f\u061c]/g, '')
			.replace(/\s+/g, ' ')
			.trim();
	};
	return [...doc.querySelectorAll('.report table')].map((table) => {
		const href = table.querySelector('a.csv')?.getAttribute('href') ?? '';
		return {
			id: /\/rapportage\/csv\/([^?]+)/.exec(href)?.[1] ?? '',
			section: table.closest('section')?.getAttribute('aria-labelledby') ?? '',
			caption: visible(table.querySelector('caption') ?? table, 'a, .visually-hidden'),
			columns: [...table.querySelectorAll('thead th')].map((th) => ({
				text: visible(th, '.visually-hidden'),
				scope: th.getAttribute('scope')
			})),
			rows: [...table.querySelectorAll('tbody tr')].map((tr) => {
				const [head, ...cells] = [...tr.children];
				return {
					tag: head?.tagName ?? '',
					scope: head?.getAttribute('scope') ?? null,
					head: head ? visible(head, '.visually-hidden') : '',
					cells: cells.map((td) => ({
						text: visible(td, '.visually-hidden, .n, .rule'),
						hidden: td.classList.contains('hidden')
					}))
				};
			}),
			rules: [...table.querySelectorAll('.rule')].map((r) => visible(r, '.visually-hidden'))
		};
	});
}

/** The tables after the page has run its scripts, and as the server sent them. */
async function tablesOnPage(page: Page) {
	const hydrated = await page.evaluate(readTables, null);
	const html = await page.evaluate(() => fetch(location.href).then((r) => r.text()));
	const sent = await page.evaluate(readTables, html);
	return { hydrated, sent };
}

/**
 * What a reader of `lang` must be able to read in every table: a caption, column and row
 * headers a screen reader announces with each figure, figures written the reader's way, a
 * hidden cell with only its marker. Returns how many figures of each kind were checked.
 */
function expectReadable(tables: SeenTable[], lang: Lang): Record<Kind | 'hidden', number> {
	const seen = { count: 0, pct: 0, interval: 0, euro: 0, grade: 0, hidden: 0 };
	const problems: string[] = [];
	for (const [section, ids] of Object.entries(SECTIONS))
		for (const id of ids)
			if (!tables.some((t) => t.id === id && t.section === section))
				problems.push(`${id}: no table in ${section}`);
	for (const t of tables) {
		const where = t.id || t.caption;
		if (!t.caption) problems.push(`${where}: no caption`);
		if (t.columns.length < 2) problems.push(`${where}: ${t.columns.length} column headers`);
		for (const c of t.columns) {
			if (c.scope !== 'col') problems.push(`${where}: column "${c.text}" without scope=col`);
			if (!c.text) problems.push(`${where}: an empty column header`);
		}
		for (const [i, r] of t.rows.entries()) {
			if (r.tag !== 'TH' || r.scope !== 'row' || !r.head)
				problems.push(`${where} row ${i}: no row header (${r.tag} ${r.scope} "${r.head}")`);
			if (r.cells.length !== t.columns.length - 1)
				problems.push(
					`${where} row ${i}: ${r.cells.length + 1} cells, ${t.columns.length} headers`
				);
			r.cells.forEach((cell, j) => {
				const at = `${where} row ${i} ("${r.head}") col ${j + 1}: "${cell.text}"`;
				if (/NaN|undefined|Infinity|\breport\.[a-z]/.test(cell.text + r.head))
					problems.push(`${at}: not a figure`);
				if (cell.hidden) {
					seen.hidden++;
					if (!MARKERS[lang].includes(cell.text)) problems.push(`${at}: hidden shows more`);
					return;
				}
				if (/[٠-٩۰-۹]/.test(cell.text)) problems.push(`${at}: not in Latin digits`);
				const kind = KINDS[t.id]?.[j];
				if (!kind || cell.text === NONE) return;
				seen[kind]++;
				if (!FORMAT[lang][kind].test(cell.text)) problems.push(`${at}: not a ${lang} ${kind}`);
			});
		}
		for (const rule of t.rules)
			if (/NaN|undefined|\{\{|\breport\.[a-z]/.test(rule))
				problems.push(`${where}: rule "${rule}"`);
	}
	expect(problems).toEqual([]);
	return seen;
}

/** The report's page text has no gaps a reader would notice. */
async function expectNoRawText(page: Page) {
	const text = await page.locator('main').innerText();
	expect(text).not.toMatch(/NaN|undefined|\{\{|\breport\.[a-z]+\.[a-z]/);
}

/** The last closed quarter (the first in the menu) and the last closed calendar year. */
async function closedPeriods(page: Page) {
	await page.goto('/rapportage');
	const quarter = (await page.locator('#kwartaal option').first().getAttribute('value'))!;
	const year = Number(quarter.slice(0, 4)) - (quarter.endsWith('Q4') ? 0 : 1);
	return { quarter, year };
}

/**
 * A phone whose browser has no number formats but English (some Android WebViews ship a small
 * ICU): Intl.NumberFormat answers any other language in English, as such a browser does.
 */
async function phoneWithEnglishOnly(context: BrowserContext) {
	await context.addInitScript(() => {
		const Native = Intl.NumberFormat;
		const only = (locales: unknown) =>
			([] as unknown[]).concat(locales ?? []).filter((l) => /^en\b/i.test(String(l))) as string[];
		function EnglishOnly(locales?: string | string[], options?: Intl.NumberFormatOptions) {
			const known = only(locales);
			return new Native(known.length ? known : 'en-GB', options);
		}
		EnglishOnly.prototype = Native.prototype;
		EnglishOnly.supportedLocalesOf = (l: string | string[], o?: Intl.NumberFormatOptions) =>
			Native.supportedLocalesOf(only(l), o);
		Object.defineProperty(Intl, 'NumberFormat', { value: EnglishOnly, configurable: true });
	});
}

async function chooseLanguage(page: Page, name: string, lang: Lang) {
	await page.locator('.language-switch summary').click();
	await page.getByRole('button', { name, exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Back to Dutch for the specs that follow (the choice is stored on the demo reporter). */
async function backToDutch(page: Page) {
	const res = await page.request.post('/taal', {
		form: { lang: 'nl', next: '/rapportage' },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
}

/**
 * Every piece of text drawn in the report's charts with its rendered height in CSS px (a line
 * of text's box, as the reader sees it: an SVG scaled down to the phone shrinks it with it).
 */
async function chartTexts(page: Page): Promise<{ text: string; height: number }[]> {
	return page.evaluate(() => {
		const out: { text: string; height: number }[] = [];
		for (const chart of document.querySelectorAll('.report .chart, .report .trend')) {
			const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent?.trim();
				const el = node.parentElement!;
				if (!text || el.closest('.visually-hidden')) continue;
				let height = el.getBoundingClientRect().height;
				if (!(el instanceof SVGElement)) {
					const range = document.createRange();
					range.selectNodeContents(node);
					const lines = [...range.getClientRects()].filter((r) => r.width > 0);
					height = Math.min(...lines.map((r) => r.height));
				}
				out.push({ text, height });
			}
		}
		return out;
	});
}

/** Wide tables scroll inside their own region; a keyboard user reaches it and scrolls it. */
async function expectWideTablesScrollByKeyboard(page: Page, rtl: boolean) {
	const wraps = page.locator('.report .table-wrap');
	const wide: number[] = [];
	for (let i = 0; i < (await wraps.count()); i++)
		if (await wraps.nth(i).evaluate((el) => el.scrollWidth > el.clientWidth + 1)) wide.push(i);
	expect(wide.length, 'some tables are wider than a 320 px phone').toBeGreaterThan(0);
	for (const i of wide.slice(0, 3)) {
		const wrap = wraps.nth(i);
		// Tab from just before the table lands in its region (on it, or on a link inside it)…
		await wrap.evaluate((el) => {
			const before = document.createElement('button');
			before.textContent = 'start';
			before.id = 'tab-start';
			el.before(before);
		});
		await page.locator('#tab-start').focus();
		await page.keyboard.press('Tab');
		await page.locator('#tab-start').evaluate((el) => el.remove());
		const inside = await wrap.evaluate((el) => el.contains(document.activeElement));
		expect(inside, `Tab reaches wide table ${i}`).toBe(true);
		// …and the arrow keys then scroll the table, not the page.
		const start = await wrap.evaluate((el) => el.scrollLeft);
		for (let k = 0; k < 3; k++) await page.keyboard.press(rtl ? 'ArrowLeft' : 'ArrowRight');
		await expect
			.poll(() => wrap.evaluate((el) => Math.abs(el.scrollLeft)))
			.toBeGreaterThan(Math.abs(start));
	}
}

test.describe('the reporter reads the council report', () => {
	test('a closed quarter and a year: every section’s tables readable, figures in Dutch, the same before and after the page’s scripts', async ({
		page
	}) => {
		test.setTimeout(240_000);
		await page.setViewportSize({ width: 1280, height: 900 });
		await signInAs(page, 'reporter');
		const { quarter, year } = await closedPeriods(page);
		const kinds: ReturnType<typeof expectReadable>[] = [];
		for (const search of [
			`kwartaal=${quarter}&gemeente=lindewaard`,
			`kwartaal=${year}-Q4&periode=jaar`
		]) {
			await test.step(search, async () => {
				const res = await page.goto(`/rapportage?${search}`);
				expect(res!.status()).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
				const { hydrated, sent } = await tablesOnPage(page);
				kinds.push(expectReadable(hydrated, 'nl'));
				// The figures do not change once the page's scripts have run.
				expect(hydrated).toEqual(sent);
				await expectNoRawText(page);
				// The raad's norm for the rapportcijfer is written as a Dutch reader writes it.
				const rules = hydrated.flatMap((t) => t.rules);
				expect(rules.some((r) => /\b\d,\d\b/.test(r))).toBe(true);
				await expectNoAxeViolations(page);
			});
		}
		const total = (k: Kind | 'hidden') => kinds.reduce((s, x) => s + x[k], 0);
		// Something of each kind was read (so every format above was checked on a figure).
		for (const k of ['count', 'pct', 'interval', 'euro', 'grade', 'hidden'] as const)
			expect(total(k), k).toBeGreaterThan(0);
	});

	test('the period and gemeente form works with the keyboard alone', async ({ page }) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width: 1280, height: 900 });
		await signInAs(page, 'reporter');
		const { quarter } = await closedPeriods(page);
		const previous = (await page.locator('#kwartaal option').nth(1).getAttribute('value'))!;
		await page.getByRole('heading', { level: 1 }).click();
		// Tab from the heading reaches the three fields by their labels, then the button.
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Kwartaal', { exact: true })).toBeFocused();
		await page.keyboard.type(previous);
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Gemeente', { exact: true })).toBeFocused();
		await page.keyboard.type('Lindewaard');
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Periode', { exact: true })).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: 'Toon rapportage' })).toBeFocused();
		await page.keyboard.press('Enter');
		// An earlier quarter may be built afresh on first reading: seconds on a loaded machine.
		await expect(page).toHaveURL(new RegExp(`kwartaal=${previous}.*gemeente=lindewaard`), {
			timeout: 30_000
		});
		await expect(page.locator('.subtitle')).toContainText('Lindewaard');
		await expect(page.locator('.subtitle')).toContainText(previous);
		expect(previous).not.toBe(quarter);
		await expect(page.locator('#kwartaal')).toHaveValue(previous);
		await expect(page.locator('#gemeente')).toHaveValue('lindewaard');
	});

	test('a table’s CSV link downloads what Dutch Excel opens: semicolons, a BOM, the page’s headers', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width: 1280, height: 900 });
		await signInAs(page, 'reporter');
		const { quarter } = await closedPeriods(page);
		await page.goto(`/rapportage?kwartaal=${quarter}&gemeente=lindewaard`);
		const table = page.locator('table:has(a.csv[href^="/rapportage/csv/bestand-trend?"])');
		const link = table.getByRole('link', { name: /^Download als CSV/ });
		await expect(link).toHaveAccessibleName(/^Download als CSV ?: Bestand/);
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe(`wegwijs-bestand-trend-lindewaard-${quarter}.csv`);
		const bytes = await readFile((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
		const headers = await table.locator('thead th').allInnerTexts();
		expect(lines[0]!.split(';')).toEqual(headers.map((h) => h.trim()));
		const rows = await table.locator('tbody th').allInnerTexts();
		expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(rows.map((r) => r.trim()));
		// Decimal commas, no decimal points (a rate of 1,5% is "1,5" for Excel in Dutch).
		expect(lines.slice(1).join('\n')).not.toMatch(/\d\.\d/);
	});

	test('on a 320 px phone and at 200% text the page does not scroll sideways; wide tables scroll by keyboard', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width: 320, height: 640 });
		await signInAs(page, 'reporter');
		const { quarter } = await closedPeriods(page);
		await page.goto(`/rapportage?kwartaal=${quarter}&gemeente=lindewaard`);
		await expectNoHorizontalScroll(page);
		await expectWideTablesScrollByKeyboard(page, false);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await expectNoHorizontalScroll(page);
		await expectNoAxeViolations(page);
	});

	test('on a 320 px phone the charts’ labels are as large as the text around them, and grow with 200% text', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width: 320, height: 640 });
		await signInAs(page, 'reporter');
		const { quarter } = await closedPeriods(page);
		await page.goto(`/rapportage?kwartaal=${quarter}&gemeente=lindewaard`);
		const before = await chartTexts(page);
		// The statements of the satisfaction chart, the reasons of the outflow chart, the trends'
		// quarters and percentages.
		expect(before.map((x) => x.text)).toContain('De medewerker nam mij serieus.');
		expect(before.length).toBeGreaterThan(10);
		// An SVG drawn 600 units wide and shrunk to the phone once wrote them 6.5 px high.
		expect(before.filter((x) => x.height < 12)).toEqual([]);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		const after = await chartTexts(page);
		expect(after.map((x) => x.text)).toEqual(before.map((x) => x.text));
		const notGrown = after.filter((x, i) => x.height < before[i]!.height * 1.6);
		expect(notGrown).toEqual([]);
		await expectNoHorizontalScroll(page);
	});
});

test.describe('a reporter whose phone is not Dutch chooses English', () => {
	test.use({ locale: 'en-GB' });
	test.afterEach(async ({ page }) => backToDutch(page));

	test('her phone’s browser lacks Dutch; her account is Dutch: the figures stay Dutch after the page’s scripts run', async ({
		page,
		context
	}) => {
		test.setTimeout(240_000);
		await phoneWithEnglishOnly(context);
		await page.setViewportSize({ width: 1280, height: 900 });
		await signInAs(page, 'reporter');
		const { year } = await closedPeriods(page);
		await page.goto(`/rapportage?kwartaal=${year}-Q4&periode=jaar`);
		// Her account says Dutch, so the report is Dutch, whatever the phone asks for.
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		const { hydrated, sent } = await tablesOnPage(page);
		const seen = expectReadable(hydrated, 'nl');
		expect(seen.euro + seen.grade).toBeGreaterThan(0);
		expect(hydrated).toEqual(sent);
	});

	test('English figures, euro amounts and bands, no raw keys, and the norm written the English way', async ({
		page,
		context
	}) => {
		test.setTimeout(240_000);
		await phoneWithEnglishOnly(context);
		await page.setViewportSize({ width: 1280, height: 900 });
		await signInAs(page, 'reporter');
		const { quarter, year } = await closedPeriods(page);
		await chooseLanguage(page, 'English', 'en');
		const kinds: ReturnType<typeof expectReadable>[] = [];
		for (const search of [
			`kwartaal=${quarter}&gemeente=lindewaard`,
			`kwartaal=${year}-Q4&periode=jaar`
		]) {
			await test.step(search, async () => {
				await page.goto(`/rapportage?${search}`);
				await expect(page.locator('html')).toHaveAttribute('lang', 'en');
				await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report to the council');
				const { hydrated, sent } = await tablesOnPage(page);
				kinds.push(expectReadable(hydrated, 'en'));
				expect(hydrated).toEqual(sent);
				await expectNoRawText(page);
				// The statements as the clients read them in English (the survey's own translation),
				// in the table and in the chart.
				const items = hydrated.find((t) => t.id === 'satisfaction')!.rows.map((r) => r.head);
				expect(items).toContain('The staff member took me seriously.');
				expect(items).not.toContain('De medewerker nam mij serieus.');
				await expect(page.locator('.report .chart').first()).toContainText(
					'The staff member took me seriously.'
				);
				// Instruments by their English names (the catalogue's translation).
				const uses = hydrated.find((t) => t.id === 'uses-instrument')!.rows.map((r) => r.head);
				expect(uses).toContain('Job coaching');
				expect(uses).not.toContain('Jobcoaching');
				// The bands of a maatregel read as percentages.
				const bands = hydrated.find((t) => t.id === 'handhaving-bands')!;
				expect(bands.rows.map((r) => r.head).slice(0, 4)).toEqual([
					'Warning, no reduction (0%)',
					'Up to and including 20%',
					'21% up to and including 50%',
					'More than 50%'
				]);
				// The raad's norm for the mean mark: 7.0, as an English reader writes it.
				const rules = hydrated.flatMap((t) => t.rules);
				expect(rules.length).toBeGreaterThan(0);
				expect(rules.filter((r) => /\d,\d/.test(r))).toEqual([]);
				expect(rules.some((r) => /\b\d\.\d\b/.test(r))).toBe(true);
			});
		}
		expect(kinds.reduce((s, k) => s + k.euro, 0)).toBeGreaterThan(0);
		expect(kinds.reduce((s, k) => s + k.grade, 0)).toBeGreaterThan(0);
	});
});

test.describe('a reporter whose phone is Arabic chooses Arabic', () => {
	test.use({ locale: 'ar' });
	test.afterEach(async ({ page }) => backToDutch(page));

	test('right to left, Latin digits, no raw keys, fits 320 px and 200% text, no axe violations', async ({
		page
	}) => {
		test.setTimeout(240_000);
		await page.setViewportSize({ width: 320, height: 640 });
		await signInAs(page, 'reporter');
		const { quarter, year } = await closedPeriods(page);
		await chooseLanguage(page, 'العربية', 'ar');
		for (const search of [
			`kwartaal=${quarter}&gemeente=lindewaard`,
			`kwartaal=${year}-Q4&periode=jaar`
		]) {
			await test.step(search, async () => {
				await page.goto(`/rapportage?${search}`);
				await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
				await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
				const { hydrated, sent } = await tablesOnPage(page);
				expectReadable(hydrated, 'ar');
				expect(hydrated).toEqual(sent);
				await expectNoRawText(page);
				const items = hydrated.find((t) => t.id === 'satisfaction')!.rows.map((r) => r.head);
				expect(items).toContain('الموظف أخذني على محمل الجد.');
				// The charts read from the right too: a bar starts at the right end of its track.
				const track = (await page.locator('.report .chart .track').first().boundingBox())!;
				const bar = (await page.locator('.report .chart .bar').first().boundingBox())!;
				expect(bar.width).toBeGreaterThan(0);
				expect(Math.abs(bar.x + bar.width - (track.x + track.width))).toBeLessThan(1);
				expect(bar.x - track.x).toBeGreaterThan(1);
				// Figures read from the right like the text: they sit at the table's left end.
				const cell = page.locator('table:has(a.csv[href*="/bestand?"]) td.num').first();
				const row = page.locator('table:has(a.csv[href*="/bestand?"]) tbody th').first();
				expect((await cell.boundingBox())!.x).toBeLessThan((await row.boundingBox())!.x);
				await expectNoHorizontalScroll(page);
			});
		}
		await expectWideTablesScrollByKeyboard(page, true);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await expectNoHorizontalScroll(page);
		await expectNoAxeViolations(page);
	});
});
