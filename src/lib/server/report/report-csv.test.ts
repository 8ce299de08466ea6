import { describe, expect, it } from 'vitest';
import { tableCsv } from './report-csv';
import type { ReportTable } from './report-tables';

const t = (k: string) =>
	({
		'report.hiddenPrimary': '< 10',
		'report.hiddenSecondary': 'verborgen',
		'report.colour.orange': 'oranje'
	})[k] ?? k;

const table: ReportTable = {
	id: 'x',
	section: 'satisfaction',
	title: 'X',
	columns: ['Stelling', '% eens', '=HYPERLINK("x")', '@som', 'n'],
	rows: [
		[
			{ t: 'text', v: 'Hij zei "ja"; toen' },
			{ t: 'pct', v: 0.8123 },
			{ t: 'interval', low: 0.7, high: 0.905 },
			{ t: 'grade', v: 6.55 },
			{ t: 'count', v: 40 }
		],
		[
			{ t: 'text', v: '=cmd()' },
			{ t: 'hidden', why: 'primary' },
			{ t: 'text', v: '+1' },
			{ t: 'text', v: '\tx' },
			{ t: 'hidden', why: 'secondary' }
		],
		[
			{ t: 'text', v: '-2' },
			{ t: 'text', v: '@x' },
			{ t: 'text', v: '\rx' },
			{ t: 'none' },
			{ t: 'count', v: 0 }
		]
	]
};

describe('tableCsv', () => {
	it('writes what Dutch Excel opens in columns: BOM, semicolons, decimal commas, formulas neutralised', () => {
		expect(tableCsv(table, t)).toBe(
			'\uFEFFStelling;% eens;"\'=HYPERLINK(""x"")";\'@som;n\r\n' +
				'"Hij zei ""ja""; toen";81,2;70–90,5;6,6;40\r\n' +
				"'=cmd();< 10;'+1;'\tx;verborgen\r\n" +
				"'-2;'@x;\"'\rx\";;0\r\n"
		);
	});
	it('writes plain CSV when asked: commas, decimal points, no BOM', () => {
		expect(tableCsv(table, t, 'plain')).toBe(
			'Stelling,% eens,"\'=HYPERLINK(""x"")",\'@som,n\r\n' +
				'"Hij zei ""ja""; toen",81.2,70–90.5,6.6,40\r\n' +
				"'=cmd(),< 10,'+1,'\tx,verborgen\r\n" +
				"'-2,'@x,\"'\rx\",,0\r\n"
		);
	});
	it('leaves text alone that only has such a sign inside it', () => {
		const plain: ReportTable = {
			...table,
			columns: ['Achterhoek-West', 'a+b'],
			rows: [
				[
					{ t: 'text', v: 'Lindewaard-Oost' },
					{ t: 'text', v: 'x@y' }
				]
			]
		};
		expect(tableCsv(plain, t, 'plain')).toBe('Achterhoek-West,a+b\r\nLindewaard-Oost,x@y\r\n');
	});

	it('writes a council norm as its colour and the rule, so the colour is not lost outside the page', () => {
		const normTable: ReportTable = {
			...table,
			columns: ['Indicator', 'Norm'],
			rows: [
				[
					{ t: 'text', v: 'Uitstroom naar werk' },
					{ t: 'norm', colour: 'orange', rule: 'Groen bij 30% of meer, oranje vanaf 20%' }
				]
			]
		};
		// The rule holds a comma, so plain CSV quotes the field.
		expect(tableCsv(normTable, t, 'plain')).toBe(
			'Indicator,Norm\r\nUitstroom naar werk,"oranje: Groen bij 30% of meer, oranje vanaf 20%"\r\n'
		);
	});

	it('keeps a negative figure a number a spreadsheet can add up (only text is guarded)', () => {
		const change: ReportTable = {
			...table,
			columns: ['Gemeente', 'Verschil'],
			rows: [
				[
					{ t: 'text', v: 'Lindewaard' },
					{ t: 'count', v: -3 }
				]
			]
		};
		expect(tableCsv(change, t, 'plain')).toBe('Gemeente,Verschil\r\nLindewaard,-3\r\n');
		expect(tableCsv(change, t)).toBe('\uFEFFGemeente;Verschil\r\nLindewaard;-3\r\n');
	});
});

describe('amounts in the CSV', () => {
	const amounts: ReportTable = {
		id: 'handhaving-amounts',
		section: 'handhaving',
		title: 'Bedragen',
		columns: ['Besluit', 'Totaal bedrag (euro)'],
		rows: [
			[
				{ t: 'text', v: 'Terugvorderingen' },
				{ t: 'euro', cents: 2_499_999_975 }
			],
			[
				{ t: 'text', v: 'Boetes' },
				{ t: 'euro', cents: 9_007_199_254_740_901 }
			],
			[
				{ t: 'text', v: 'Klein' },
				{ t: 'euro', cents: 5 }
			]
		]
	};

	it('writes every cent of a sum above 2^31 and near 2^53, with the decimal sign of the format', () => {
		expect(tableCsv(amounts, t)).toBe(
			'\uFEFFBesluit;Totaal bedrag (euro)\r\n' +
				'Terugvorderingen;24999999,75\r\n' +
				'Boetes;90071992547409,01\r\n' +
				'Klein;0,05\r\n'
		);
		expect(tableCsv(amounts, t, 'plain')).toContain('Boetes,90071992547409.01\r\n');
	});
});

describe('tableCsv: extreme shares (extremes.ts)', () => {
	it('writes the words, never a number, in every language', async () => {
		const extreme: ReportTable = {
			id: 'x',
			section: 'effect',
			title: 'X',
			columns: ['Instrument', '% naar werk', 'Interval', 'n'],
			rows: [
				[{ t: 'text', v: 'A' }, { t: 'extreme', v: 'all' }, { t: 'none' }, { t: 'count', v: 24 }],
				[{ t: 'text', v: 'B' }, { t: 'extreme', v: 'none' }, { t: 'none' }, { t: 'count', v: 31 }],
				// A mean rapportcijfer of (almost) only 10s (extremes.ts GRADE).
				[
					{ t: 'text', v: 'C' },
					{ t: 'extreme', v: 'grade10' },
					{ t: 'none' },
					{ t: 'count', v: 22 }
				]
			]
		};
		for (const lang of ['nl', 'en', 'ar', 'tr', 'uk', 'ti', 'so', 'fa', 'prs']) {
			const messages = (await import(`../../../../messages/${lang}.json`)).default as {
				report: { extreme: Record<'none' | 'all' | 'grade10' | 'grade1', string> };
			};
			const words = messages.report.extreme;
			const tr = (k: string) =>
				k.startsWith('report.extreme.')
					? words[k.slice('report.extreme.'.length) as keyof typeof words]
					: k;
			const csv = tableCsv(extreme, tr, 'plain');
			expect(csv, lang).toContain(`A,${words.all},,24`);
			expect(csv, lang).toContain(`B,${words.none},,31`);
			expect(words.grade10, lang).toContain('10');
			expect(words.grade1, lang).toContain('1');
			expect(csv, lang).toContain(`C,${words.grade10},,22`);
			expect(csv, lang).not.toMatch(/,100|,0,/);
		}
		const nl = (await import('../../../../messages/nl.json')).default.report.extreme;
		expect(nl).toEqual({
			none: '(bijna) niemand',
			all: '(bijna) iedereen',
			grade10: '(bijna) iedereen een 10',
			grade1: '(bijna) iedereen een 1'
		});
	});
});
