import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTranslate } from './i18n/translate';
import type { Messages } from './i18n';
import type { Language } from './i18n/languages';
import { DATE_LOCALES } from './date-locales';
import { formatNumber } from './date-format';
import { euroText, normThreshold, percentText, shareText } from './report-numbers';

// The report's figures as each reader writes them, from the app's own separators and texts (no
// Intl, which a phone may lack for the language).
function reader(lang: Language) {
	const messages = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Messages;
	const t = createTranslate(lang, messages);
	const number = (v: number, digits = 0) => formatNumber(DATE_LOCALES[lang], v, digits);
	return { t, number };
}

describe('report numbers', () => {
	it('writes an amount in euros with the reader’s separators and two decimals', () => {
		const nl = reader('nl');
		const en = reader('en');
		expect(euroText(nl.t, nl.number, 123_456)).toBe('€ 1.234,56');
		expect(euroText(en.t, en.number, 123_456)).toBe('€ 1,234.56');
		expect(euroText(en.t, en.number, 5)).toBe('€ 0.05');
	});

	it('writes every cent of a sum near 2^53 cents (cents / 100 printed one cent off)', () => {
		const nl = reader('nl');
		expect(euroText(nl.t, nl.number, 9_007_199_254_740_901)).toBe('€ 90.071.992.547.409,01');
		expect(euroText(nl.t, nl.number, -5)).toBe('€ -0,05');
		expect(() => euroText(nl.t, nl.number, 0.5)).toThrow(RangeError);
	});

	it('writes a share as a whole percentage, where the reader puts the sign', () => {
		const nl = reader('nl');
		const tr = reader('tr');
		expect(shareText(nl.t, nl.number, 0.125)).toBe('13%');
		expect(shareText(nl.t, nl.number, 0.0449)).toBe('4%');
		expect(shareText(tr.t, tr.number, 0.5)).toBe('%50');
		expect(percentText(nl.t, nl.number, 75)).toBe('75%');
	});

	it('writes a norm for the rapportcijfer as a mark with one decimal, a percentage as a percentage', () => {
		const nl = reader('nl');
		const en = reader('en');
		expect(normThreshold(nl.t, nl.number, 'grade', 70)).toBe('7,0');
		expect(normThreshold(en.t, en.number, 'grade', 65)).toBe('6.5');
		expect(normThreshold(en.t, en.number, 'pct', 80)).toBe('80%');
	});
});
