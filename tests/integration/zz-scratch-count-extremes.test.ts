import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { publishedReport } from '../../src/lib/server/report/periods';
import { reportTables } from '../../src/lib/server/report/report-tables';

const now = new Date('2026-05-13T08:00:00Z');
describeEachDatabase('scratch', (database) => {
	it('counts count==total rows', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const whole = await publishedReport(db, { quarter: '2025-Q4', period: 'quarter', gemeente: null }, now);
		const found: Record<string, string[]> = {};
		for (const g of [null, ...whole!.gemeenten.map((x) => x.code)])
			for (const quarter of ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
				for (const period of ['quarter', 'year'] as const) {
					if (period === 'year' && quarter !== '2025-Q4') continue;
					const r = await publishedReport(db, { quarter, period, gemeente: g }, now);
					for (const t of reportTables(r!, (k) => k)) {
						const last = t.rows.at(-1);
						const label = last?.[0];
						if (!label || label.t !== 'text' || !/all|Alle/i.test(label.v)) continue;
						for (let j = 1; j < t.columns.length; j++) {
							const tot = last![j];
							if (tot?.t !== 'count' || tot.v < 10) continue;
							for (const row of t.rows.slice(0, -1)) {
								const c = row[j];
								if (c?.t === 'count' && c.v === tot.v)
									(found[t.id] ??= []).push(`${period}:${quarter}|${g ?? '*'}|${(row[0] as { v: string }).v}|${t.columns[j]}=${c.v}`);
							}
						}
					}
				}
		console.log(JSON.stringify(found, null, 1));
	}, 900_000);
});
