import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';
import { unflatten } from 'devalue';
import { parseCsv } from '../csv';
import { quarterOfInstant, shiftQuarter } from '../../src/lib/quarters';

// The council report on screen and in each CSV download hide the same cells. That a table
// hides every count under 10 is tested on the tables themselves (tests/integration/report);
// here: what the reporter's browser gets, from the page and from every download it links to.

const HIDDEN = new Set(['< 10', 'verborgen']);

for (const search of ['gemeente=lindewaard', '']) {
	test(`report ${search || 'for the whole dienst'}: every download hides what the page hides`, async ({
		page
	}) => {
		await signInAs(page, 'reporter');
		await page.goto(`/rapportage?${search}`);
		const tables = await page.locator('table:has(a.csv)').evaluateAll((els) =>
			els.map((table) => ({
				href: table.querySelector('a.csv')!.getAttribute('href')!,
				rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
					[...tr.children].map((cell) => ({
						label: tr.querySelector('th')?.firstChild?.textContent?.trim() ?? '',
						hidden: cell.classList.contains('hidden'),
						n: [...cell.querySelectorAll('.n')].map((x) => x.textContent ?? '')
					}))
				)
			}))
		);
		expect(tables.length).toBeGreaterThan(10);
		const problems: string[] = [];
		let hidden = 0;
		const downloads = await Promise.all(
			tables.map(async (t) => {
				const res = await page.request.get(t.href);
				expect(res.status(), t.href).toBe(200);
				expect(res.headers()['content-type']).toContain('text/csv');
				return parseCsv(await res.text());
			})
		);
		tables.forEach((t, k) => {
			const [header, ...csv] = downloads[k]!;
			// The satisfaction splits are one row per group on screen; the download has a row
			// per statement and a share and an n column per group.
			const split = header![2] === 'n';
			// (matched by the group's name: the two may list the groups in another order).
			const fields = (i: number, j: number, label: string): string[] => {
				if (!split) return [csv[i]?.[j] ?? ''];
				const g = header!.indexOf(label);
				expect(g, `${t.href}: group ${label}`).toBeGreaterThan(0);
				return j === 0 ? [label] : [csv[j - 1]?.[g] ?? '', csv[j - 1]?.[g + 1] ?? ''];
			};
			if (!split) expect(csv.length, t.href).toBe(t.rows.length);
			else {
				// The page leaves out instruments nobody answered for; in the file they are empty.
				const onPage = new Set(t.rows.map((r) => r[0]!.label));
				for (let g = 1; g < header!.length; g += 2)
					if (!onPage.has(header![g]!))
						for (const r of csv)
							if (!['', '0'].includes(r[g]!) || r[g + 1] !== '0')
								problems.push(
									`${t.href}: ${header![g]} only in the file, with ${r[g]}/${r[g + 1]}`
								);
			}
			t.rows.forEach((cells, i) =>
				cells.forEach((cell, j) => {
					if (cell.hidden) hidden++;
					fields(i, j, cell.label).forEach((field, f) => {
						// A masked extreme share (extremes.ts) is hidden with its n still shown
						// (n ≥ 10): the file then carries that same n, never another number.
						const shownN = f === 1 ? cell.n[0]?.replace(/\D/g, '') : undefined;
						if (shownN) {
							if (field !== shownN)
								problems.push(`${t.href} row ${i} col ${j}: page n ${shownN}, CSV "${field}"`);
						} else if (cell.hidden !== HIDDEN.has(field))
							problems.push(`${t.href} row ${i} col ${j}: page ${cell.hidden}, CSV "${field}"`);
					});
					// A group's n next to its share is never 1 to 9.
					for (const n of cell.n) {
						const v = Number(n.replace(/\D/g, ''));
						if (v > 0 && v < 10) problems.push(`${t.href} row ${i} col ${j}: ${n}`);
					}
				})
			);
		});
		expect(problems).toEqual([]);
		if (search) expect(hidden, 'the demo has small cells in Lindewaard').toBeGreaterThan(0);
	});
}

// Issue #13: a hidden figure never leaves the server. The page data (__data.json, what the
// browser loads on navigation) and the HTML with its hydration data are searched for any count
// of 1 to 9 (what suppression hides) and for any hidden cell that still carries a figure.
const SMALL_IN_HTML = /(?:[{,]"?(?:n|late)"?:|t:"count",v:)([1-9])[,}]/g;

function leaksIn(value: unknown, path = 'data'): string[] {
	if (!value || typeof value !== 'object') return [];
	const o = value as Record<string, unknown>;
	const out: string[] = [];
	if (o.hidden === 'primary' || o.hidden === 'secondary')
		for (const f of ['n', 'share', 'low', 'high', 'mean', 'failShare'])
			if (typeof o[f] === 'number') out.push(`${path}.${f} = ${o[f]} while hidden`);
	for (const f of ['n', 'late'])
		if (typeof o[f] === 'number' && (o[f] as number) > 0 && (o[f] as number) < 10)
			out.push(`${path}.${f} = ${o[f]}`);
	if (o.t === 'count' && typeof o.v === 'number' && o.v > 0 && o.v < 10)
		out.push(`${path}.v = ${o.v}`);
	for (const [k, v] of Object.entries(o)) out.push(...leaksIn(v, `${path}.${k}`));
	return out;
}

for (const search of [
	'gemeente=lindewaard',
	'kwartaal=2025-Q4&gemeente=lindewaard&periode=jaar',
	''
]) {
	test(`report ${search || 'for the whole dienst'}: page data and HTML carry no hidden figure`, async ({
		page
	}) => {
		await signInAs(page, 'reporter');
		const html = await page.request.get(`/rapportage?${search}`);
		// A year may not be closed yet on the day the test runs: then nothing at all is sent.
		if (html.status() === 400) return;
		expect(html.status()).toBe(200);
		const text = await html.text();
		expect([...text.matchAll(SMALL_IN_HTML)].map((m) => m[0])).toEqual([]);
		expect(text).toContain('&lt; 10');

		const res = await page.request.get(`/rapportage/__data.json?${search}`);
		expect(res.status()).toBe(200);
		const { nodes } = (await res.json()) as {
			nodes: ({ type: string; data?: unknown[] } | null)[];
		};
		const problems: string[] = [];
		let hidden = 0;
		for (const node of nodes) {
			if (node?.type !== 'data' || !node.data) continue;
			const data = unflatten(node.data);
			problems.push(...leaksIn(data));
			hidden += JSON.stringify(data).split('"hidden":"').length - 1;
		}
		expect(problems).toEqual([]);
		if (search === 'gemeente=lindewaard') expect(hidden).toBeGreaterThan(0);
	});
}

test('the current quarter is not reported: refused with a message, nothing sent', async ({
	page
}) => {
	await signInAs(page, 'reporter');
	const now = quarterOfInstant(new Date());
	for (const path of [`/rapportage?kwartaal=${now}`, `/rapportage/csv/methods?kwartaal=${now}`]) {
		const res = await page.request.get(path);
		expect(res.status(), path).toBe(400);
		expect(await res.text()).toContain('nog niet afgesloten');
	}
	const next = await page.request.get(`/rapportage?kwartaal=${shiftQuarter(now, 1)}`);
	expect(next.status()).toBe(400);
});
