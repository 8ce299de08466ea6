import type { TableCell } from '$lib/server/report/report-tables';
import { euroText, shareText, type NumberText } from '$lib/report-numbers';

type Translate = (key: string, o?: Record<string, unknown>) => string;

/**
 * Formats report figures in the reader's language with the app's own separators (i18n.number),
 * so the server's page and the browser's write them alike, also in a browser without the
 * language (src/lib/report-numbers.ts).
 */
export function formatter(i18n: { t: Translate; number: NumberText }) {
	const { t, number } = i18n;
	const pct = (v: number) => shareText(t, number, v);
	return {
		pct,
		count: (v: number) => number(v),
		grade: (v: number) => number(v, 1),
		cell(c: TableCell): string {
			switch (c.t) {
				case 'text':
					return c.v;
				case 'count':
					return number(c.v);
				case 'euro':
					// Exact at any size: euros and cents written apart (report-numbers.ts).
					return euroText(t, number, c.cents);
				case 'pct':
					return pct(c.v);
				case 'grade':
					return number(c.v, 1);
				case 'interval':
					return t('report.intervalValue', { low: pct(c.low), high: pct(c.high) });
				case 'hidden':
					return t(c.why === 'primary' ? 'report.hiddenPrimary' : 'report.hiddenSecondary');
				case 'extreme':
					return t(`report.extreme.${c.v}`);
				case 'norm':
					return t(`report.colour.${c.colour}`);
				case 'none':
					return t('report.none');
			}
		}
	};
}

/** One bar of a BarChart; `value` null for a hidden cell (then `note` says why). */
export interface Bar {
	label: string;
	/** 'nl': the label is Dutch, for want of a translation in the reader's language. */
	lang?: 'nl';
	value: number | null;
	low?: number | null;
	high?: number | null;
	note?: string;
}
