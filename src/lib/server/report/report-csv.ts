import { stringify } from 'csv-stringify/sync';
import type { ReportTable, TableCell } from './report-tables';
import { centsDecimal } from '$lib/money';

type T = (key: string) => string;

/**
 * 'nl': what Dutch Excel opens in columns (semicolon, decimal comma, UTF-8 with BOM);
 * 'plain': RFC 4180 for other programs (comma, decimal point, no BOM).
 */
export type CsvFormat = 'nl' | 'plain';

/** A value for a spreadsheet: numbers as numbers (percentages with one decimal), hidden as text. */
function value(
	cell: TableCell,
	t: T,
	num: (x: number | string) => string | number
): string | number {
	switch (cell.t) {
		case 'text':
			return cell.v;
		case 'count':
			return cell.v;
		case 'euro':
			// Always two decimals, as an amount is written (the decimal sign as the format has it),
			// exact at any size (a text from the whole cents, never cents / 100).
			return num(centsDecimal(cell.cents));
		case 'pct':
			return num(Math.round(cell.v * 1000) / 10);
		case 'grade':
			return num(Math.round(cell.v * 10) / 10);
		case 'interval':
			return `${num(Math.round(cell.low * 1000) / 10)}–${num(Math.round(cell.high * 1000) / 10)}`;
		case 'hidden':
			return t(cell.why === 'primary' ? 'report.hiddenPrimary' : 'report.hiddenSecondary');
		case 'extreme':
			// The words, never a number (extremes.ts).
			return t(`report.extreme.${cell.v}`);
		case 'norm':
			return `${t(`report.colour.${cell.colour}`)}: ${cell.rule}`;
		case 'none':
			return '';
	}
}

/**
 * The table as CSV (quoting by csv-stringify). Any text cell, headers included (they carry
 * instrument names typed in /beheer), starting with = + - @ tab or CR is prefixed with ' so a
 * spreadsheet never runs it as a formula.
 */
export function tableCsv(table: ReportTable, t: T, format: CsvFormat = 'nl'): string {
	const safe = (v: string | number) =>
		typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
	// A number, or a fixed-point text such as an amount with two decimals ("12.50").
	const num = (x: number | string) => (format === 'nl' ? String(x).replace('.', ',') : x);
	const body = stringify(
		[table.columns.map(safe), ...table.rows.map((r) => r.map((c) => safe(value(c, t, num))))],
		{
			delimiter: format === 'nl' ? ';' : ',',
			record_delimiter: 'windows',
			// A lone CR or LF inside a field is quoted too, so no program reads it as a new row.
			quoted_match: /[\r\n]/
		}
	);
	return format === 'nl' ? '\uFEFF' + body : body;
}
