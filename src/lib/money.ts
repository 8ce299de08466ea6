// Amounts of money are whole euro cents everywhere (docs/DOMAIN.md "Handhaving"). Written out
// they go through text, never through cents / 100: a Number divided by 100 is not exact (a
// report total of 2^53 − 1 cents would print a cent off), a decimal text is.

/**
 * Cents as a decimal text with two decimals and a point ("1250.50", "-0.05"), exact for every
 * whole number of cents a Number holds exactly (below 2^53); anything else is refused.
 */
export function centsDecimal(cents: number): string {
	if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
	const abs = Math.abs(cents);
	const rest = abs % 100;
	// (abs − rest) is a multiple of 100: its division is exact.
	const euros = (abs - rest) / 100;
	return `${cents < 0 ? '-' : ''}${euros}.${String(rest).padStart(2, '0')}`;
}
