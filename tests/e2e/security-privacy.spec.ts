import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';
import { parseCsv } from '../csv';

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
					for (const field of fields(i, j, cell.label))
						if (cell.hidden !== HIDDEN.has(field))
							problems.push(`${t.href} row ${i} col ${j}: page ${cell.hidden}, CSV "${field}"`);
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
