import type { Language } from './i18n/languages';

/**
 * CLDR plural category of a whole number, written out so the browser does not need locale
 * data it may lack (Chromium has no Somali or Tigrinya plural rules and answers "other").
 * date-format.test.ts checks these against the server's Intl.PluralRules.
 */
export function pluralCategory(lang: Language, n: number): Intl.LDMLPluralRule {
	const i = Math.abs(n);
	const m10 = i % 10;
	const m100 = i % 100;
	switch (lang) {
		case 'ar':
			if (i === 0) return 'zero';
			if (i === 1) return 'one';
			if (i === 2) return 'two';
			if (m100 >= 3 && m100 <= 10) return 'few';
			if (m100 >= 11) return 'many';
			return 'other';
		case 'uk':
			if (m10 === 1 && m100 !== 11) return 'one';
			if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'few';
			return 'many';
		case 'fa':
		case 'prs':
		case 'ti':
			return i <= 1 ? 'one' : 'other';
		default:
			return i === 1 ? 'one' : 'other';
	}
}
