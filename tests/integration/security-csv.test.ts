import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { buildReport } from '../../src/lib/server/report/report';
import { reportTables } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import { parseCsv } from '../csv';

// #14: a name typed in /beheer (an instrument, a survey item) that a spreadsheet would run as a
// formula goes out neutralised in every table of every CSV export, header and body, in both formats.
const FORMULAS = ['=HYPERLINK("http://evil.example","klik")', '+cmd', '-1+1', '@SUM(A1)'];

describeEachDatabase('CSV exports neutralise formulas', (database) => {
	it('no header or field of any report table starts with = + - @', async () => {
		const { db } = database();
		const now = new Date('2026-05-13T08:00:00Z');
		await seedDemo(db, { now });
		const report = (await buildReport(
			db,
			{ quarter: '2026-Q2', period: 'year', gemeente: null },
			now
		))!;
		const keys = Object.keys(report.instrumentNames);
		expect(keys.length).toBeGreaterThan(0);
		keys.forEach((k, i) => (report.instrumentNames[k] = FORMULAS[i % FORMULAS.length]!));
		Object.keys(report.itemTexts).forEach(
			(k, i) => (report.itemTexts[k] = FORMULAS[(i + 1) % FORMULAS.length]!)
		);
		// Headers too: a translation (or a quarter label) that starts with a formula sign.
		const t = (key: string) => `=${key}`;
		const risky: string[] = [];
		let formulasSeen = 0;
		let headersNeutralised = 0;
		for (const table of reportTables(report, t)) {
			for (const format of ['nl', 'plain'] as const) {
				const rows = parseCsv(tableCsv(table, t, format));
				rows.flat().forEach((field) => {
					if (/^[=+\-@\t\r]/.test(field)) risky.push(`${table.id}/${format}: ${field}`);
					if (FORMULAS.some((f) => field === `'${f}`)) formulasSeen++;
				});
				headersNeutralised += rows[0]!.filter((h) => h.startsWith("'=")).length;
			}
		}
		expect(risky).toEqual([]);
		expect(formulasSeen).toBeGreaterThan(0);
		expect(headersNeutralised).toBeGreaterThan(10);
	});
});
