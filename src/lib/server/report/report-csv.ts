import { stringify } from 'csv-stringify/sync';
import type { ReportTable, TableCell } from './report-tables';

type T = (key: string) => string;

/** A value for a spreadsheet: numbers as numbers (percentages with one decimal), hidden as text. */
function value(cell: TableCell, t: T): string | number {
	switch (cell.t) {
		case 'text':
			return cell.v;
		case 'count':
			return cell.v;
		case 'pct':
			return Math.round(cell.v * 1000) / 10;
		case 'grade':
			return Math.round(cell.v * 10) / 10;
		case 'interval':
			return `${Math.round(cell.low * 1000) / 10}–${Math.round(cell.high * 1000) / 10}`;
		case 'hidden':
			return t(cell.why === 'primary' ? 'report.hiddenPrimary' : 'report.hiddenSecondary');
		case 'norm':
			return `${t(`report.colour.${cell.colour}`)}: ${cell.rule}`;
		case 'none':
			return '';
	}
}

/**
 * The table as CSV (RFC 4180 quoting by csv-stringify), with a byte order mark so Excel reads
 * it as UTF-8. A cell starting with = + - @ is prefixed so a spreadsheet never runs it.
 */
export function tableCsv(table: ReportTable, t: T): string {
	const safe = (v: string | number) =>
		typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
	const body = stringify(
		[table.columns, ...table.rows.map((r) => r.map((c) => safe(value(c, t))))],
		{
			record_delimiter: 'windows'
		}
	);
	return '\uFEFF' + body;
}
