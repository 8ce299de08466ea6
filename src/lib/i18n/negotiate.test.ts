import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './negotiate';

const enabled = ['nl', 'en', 'ar', 'prs'] as const;

describe('negotiateLanguage', () => {
	it('prefers the signed-in user over cookie and browser', () => {
		expect(
			negotiateLanguage({ userPreference: 'ar', cookie: 'en', acceptLanguage: 'en', enabled })
		).toBe('ar');
	});
	it('uses the cookie before Accept-Language', () => {
		expect(negotiateLanguage({ cookie: 'en', acceptLanguage: 'ar', enabled })).toBe('en');
	});
	it('reads Accept-Language by quality and base language', () => {
		expect(negotiateLanguage({ acceptLanguage: 'de;q=0.9, ar-SY;q=0.8', enabled })).toBe('ar');
		expect(negotiateLanguage({ acceptLanguage: 'fa-AF', enabled })).toBe('prs');
	});
	it('ignores languages the dienst switched off and falls back to Dutch', () => {
		expect(negotiateLanguage({ userPreference: 'so', cookie: 'xx', enabled })).toBe('nl');
	});
});
