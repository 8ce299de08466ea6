import { describe, expect, it } from 'vitest';
import { centsDecimal } from './money';

describe('amounts in cents written out', () => {
	it('gives two decimals, also for whole euros and single cents', () => {
		expect(centsDecimal(0)).toBe('0.00');
		expect(centsDecimal(5)).toBe('0.05');
		expect(centsDecimal(125_050)).toBe('1250.50');
		expect(centsDecimal(-1_205)).toBe('-12.05');
	});

	it('is exact above 2^31 cents and up to 2^53 − 1, where cents / 100 is not', () => {
		expect(centsDecimal(2 ** 31)).toBe('21474836.48');
		expect(centsDecimal(2_499_999_975)).toBe('24999999.75');
		expect(centsDecimal(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
		expect(centsDecimal(9_007_199_254_740_901)).toBe('90071992547409.01');
		// What the division prints there: a cent off.
		expect((9_007_199_254_740_901 / 100).toFixed(2)).not.toBe('90071992547409.01');
	});

	it('refuses what is not a whole, exactly held number of cents', () => {
		expect(() => centsDecimal(12.5)).toThrow(RangeError);
		expect(() => centsDecimal(2 ** 53)).toThrow(RangeError);
		expect(() => centsDecimal(Number.NaN)).toThrow(RangeError);
	});
});
