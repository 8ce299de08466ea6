import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { buildReport } from '../../src/lib/server/report/report';
import { reportTables, splitLabels } from '../../src/lib/server/report/report-tables';

// The report page and the CSV name each group of the satisfaction splits the same way, so a
// reader finds a group from the page in the download (the page's own copy of the labels once
// called the answers not given after an instrument "Niet ingedeeld" while the CSV did not).

const now = new Date('2026-08-13T08:00:00Z');

describeEachDatabase('report tables', (database) => {
	it('the page names every satisfaction group as the CSV column does', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const r = (await buildReport(db, { quarter: '2026-Q2', period: 'year', gemeente: null }, now))!;
		const t = (key: string) => `«${key}»`;
		const labels = splitLabels(t, r);
		const tables = reportTables(r, t);
		for (const split of ['segment', 'language', 'instrument'] as const) {
			const table = tables.find((x) => x.id === `satisfaction-${split}`)!;
			// The columns: the item, then per group its label and its number of answers.
			const csvLabels = table.columns.filter((_, i) => i % 2 === 1);
			expect(csvLabels.length, split).toBeGreaterThan(1);
			expect(Object.values(labels[split]), split).toEqual(csvLabels);
		}
		expect(Object.values(labels.instrument)).toContain('«report.category.noInstrument»');
	});
});
