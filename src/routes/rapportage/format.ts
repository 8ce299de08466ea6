import { intlLocale, type Language } from '$lib/i18n/languages';
import type { TableCell } from '$lib/server/report/report-tables';
import { centsDecimal } from '$lib/money';

/** Formats report figures in the reader's language. */
export function formatter(lang: Language, t: (key: string, o?: Record<string, unknown>) => string) {
	const locale = intlLocale(lang);
	const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
	const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
	const grade = new Intl.NumberFormat(locale, {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	return {
		pct: (v: number) => pct.format(v),
		count: (v: number) => num.format(v),
		grade: (v: number) => grade.format(v),
		cell(c: TableCell): string {
			switch (c.t) {
				case 'text':
					return c.v;
				case 'count':
					return num.format(c.v);
				case 'euro':
					// From a decimal text: exact at any size (cents / 100 is not).
					return euro.format(centsDecimal(c.cents) as `${number}`);
				case 'pct':
					return pct.format(c.v);
				case 'grade':
					return grade.format(c.v);
				case 'interval':
					return t('report.intervalValue', { low: pct.format(c.low), high: pct.format(c.high) });
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
	value: number | null;
	low?: number | null;
	high?: number | null;
	note?: string;
}
