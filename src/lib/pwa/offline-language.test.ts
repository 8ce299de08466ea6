import { describe, expect, it } from 'vitest';
import { pickOfflineLanguage, readCookie } from './offline-language';

const available = ['nl', 'en', 'ar'] as const;

describe('pickOfflineLanguage', () => {
	it('prefers the language of the last online page', () => {
		const lang = pickOfflineLanguage({
			stored: 'ar',
			cookie: 'en',
			browserLanguages: ['en-GB'],
			available
		});
		expect(lang).toBe('ar');
	});

	it('then the language cookie', () => {
		expect(
			pickOfflineLanguage({ stored: null, cookie: 'en', browserLanguages: ['ar'], available })
		).toBe('en');
	});

	it('then the browser languages, matching on the primary subtag', () => {
		expect(
			pickOfflineLanguage({
				stored: null,
				cookie: null,
				browserLanguages: ['de-DE', 'ar-SY'],
				available
			})
		).toBe('ar');
	});

	it('ignores unknown or unavailable values and falls back to Dutch', () => {
		expect(
			pickOfflineLanguage({
				stored: 'xx',
				cookie: 'ti',
				browserLanguages: ['de-DE'],
				available
			})
		).toBe('nl');
	});
});

describe('readCookie', () => {
	it('finds a cookie among others', () => {
		expect(readCookie('a=1; wegwijs_lang=ar; b=2', 'wegwijs_lang')).toBe('ar');
	});

	it('is null when absent', () => {
		expect(readCookie('', 'wegwijs_lang')).toBeNull();
	});
});
