import { describe, expect, it } from 'vitest';
import { tableCsv } from './report-csv';

const t = (k: string) =>
	({ 'report.hiddenPrimary': '< 10', 'report.hiddenSecondary': 'verborgen' })[k] ?? k;

describe('tableCsv', () => {
	it('quotes commas and quotes, keeps hidden cells hidden and numbers as numbers', () => {
		const csv = tableCsv(
			{
				id: 'x',
				section: 'satisfaction',
				title: 'X',
				columns: ['Stelling', '% eens', 'n'],
				rows: [
					[
						{ t: 'text', v: 'Hij zei "ja", toen' },
						{ t: 'pct', v: 0.8123 },
						{ t: 'count', v: 40 }
					],
					[
						{ t: 'text', v: '=cmd()' },
						{ t: 'hidden', why: 'primary' },
						{ t: 'hidden', why: 'secondary' }
					]
				]
			},
			t
		);
		expect(csv).toBe(
			'\uFEFFStelling,% eens,n\r\n"Hij zei ""ja"", toen",81.2,40\r\n\'=cmd(),< 10,verborgen\r\n'
		);
	});
});
