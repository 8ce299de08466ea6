/** Every language Wegwijs can speak; nl is the source. A gemeente can switch any off. */
export const LANGUAGES = [
	{ code: 'nl', name: 'Nederlands', dir: 'ltr', intl: 'nl-NL' },
	{ code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB' },
	{ code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar' },
	{ code: 'fa', name: 'فارسی', dir: 'rtl', intl: 'fa-IR' },
	{ code: 'prs', name: 'دری', dir: 'rtl', intl: 'fa-AF' },
	{ code: 'ti', name: 'ትግርኛ', dir: 'ltr', intl: 'ti' },
	{ code: 'tr', name: 'Türkçe', dir: 'ltr', intl: 'tr-TR' },
	{ code: 'uk', name: 'Українська', dir: 'ltr', intl: 'uk-UA' },
	{ code: 'so', name: 'Soomaali', dir: 'ltr', intl: 'so-SO' }
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [Language, ...Language[]];
export const SOURCE_LANGUAGE: Language = 'nl';

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGE_CODES as string[]).includes(value);
}

export function languageInfo(code: Language) {
	return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0];
}

export function directionOf(code: Language): 'ltr' | 'rtl' {
	return languageInfo(code).dir;
}

/**
 * Intl locale with Latin digits and the Gregorian calendar: Intl defaults to the Persian
 * calendar for fa, and dates, phone numbers and client numbers stay in Latin digits.
 */
export function intlLocale(code: Language): string {
	return `${languageInfo(code).intl}-u-ca-gregory-nu-latn`;
}
