// Figures of the council report and its norms as the reader writes them, the same on the server
// and in every browser: numbers through the app's own CLDR separators (date-format.ts
// `formatNumber`, i18n.number on a page), never the browser's Intl, which may lack the
// language (a phone without Dutch wrote "7.1" and "€1,234.56" over the server's "7,1").

type Translate = (key: string, options?: Record<string, unknown>) => string;
/** A number with the language's separators and this many decimals (i18n.number). */
export type NumberText = (value: number, fractionDigits?: number) => string;

/** A whole percentage (75 for 75%). */
export function percentText(t: Translate, number: NumberText, whole: number): string {
	return t('report.format.percent', { value: number(whole) });
}

/** A share (0.75) as a whole percentage. */
export function shareText(t: Translate, number: NumberText, share: number): string {
	return percentText(t, number, share * 100);
}

/**
 * An amount in euro cents, with two decimals. Whole euros and cents are written apart, never
 * cents / 100: a report total near 2^53 cents would print a cent off (src/lib/money.ts).
 */
export function euroText(t: Translate, number: NumberText, cents: number): string {
	if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
	const abs = Math.abs(cents);
	const rest = abs % 100;
	// The language's decimal sign, as its own numbers write it ("1,5" → ",").
	const sign = number(1.5, 1).replace(/[0-9\u0660-\u0669\u06F0-\u06F9]/g, '');
	const amount = `${cents < 0 ? '-' : ''}${number((abs - rest) / 100)}${sign}${String(rest).padStart(2, '0')}`;
	return t('report.format.euro', { amount });
}

/** A norm's threshold as stored: whole percents, or the rapportcijfer in tenths (70 is 7,0). */
export function normThreshold(
	t: Translate,
	number: NumberText,
	unit: 'pct' | 'grade',
	value: number
): string {
	return unit === 'grade' ? number(value / 10, 1) : percentText(t, number, value);
}
