import { describe, expect, it } from 'vitest';
import { DATE_STYLES, formatDate, formatNumber, type DateStyle } from './date-format';
import { DATE_LOCALES } from './date-locales';
import { intlLocale, LANGUAGE_CODES } from './i18n/languages';
import { pluralCategory } from './plural';

// The table the browsers use must give exactly what the server's full ICU gives, for every
// language, style, month, weekday, hour (AM/PM, midnight, noon) and summer/winter time.
const instants: Date[] = [];
for (let month = 0; month < 12; month++)
	for (const [day, hour] of <[number, number][]>[
		[1, 0],
		[9, 7],
		[14, 12],
		[22, 15],
		[28, 23]
	])
		instants.push(new Date(Date.UTC(2026, month, day, hour, (day * 7) % 60, hour % 60)));
instants.push(new Date('2026-03-29T00:59:59Z'), new Date('2026-03-29T01:00:00Z'));
instants.push(new Date('2031-10-26T00:30:00Z'), new Date('2009-01-04T23:00:00Z'));

describe('formatDate gives the server’s CLDR text in every language', () => {
	for (const lang of LANGUAGE_CODES) {
		it(lang, () => {
			for (const style of Object.keys(DATE_STYLES) as DateStyle[]) {
				const intl = new Intl.DateTimeFormat(intlLocale(lang), {
					timeZone: 'Europe/Amsterdam',
					...DATE_STYLES[style]
				});
				for (const at of instants)
					expect(formatDate(DATE_LOCALES[lang], at, style), `${style} ${at.toISOString()}`).toBe(
						intl.format(at)
					);
			}
		});
	}

	it('reads a date-only value as that day in Amsterdam', () => {
		expect(formatDate(DATE_LOCALES.so, '2026-12-14', 'long')).toBe('Diseembar 14, 2026');
		expect(formatDate(DATE_LOCALES.nl, '2026-12-14', 'weekdayDayMonth')).toBe(
			'maandag 14 december'
		);
		expect(formatDate(DATE_LOCALES.ti, '2026-12-14T09:00:00Z', 'time')).toBe('10:00 ቅ.ቀ.');
	});
});

describe('formatNumber and plurals match the server', () => {
	for (const lang of LANGUAGE_CODES) {
		it(lang, () => {
			const intl = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 0 });
			const one = new Intl.NumberFormat(intlLocale(lang), {
				minimumFractionDigits: 1,
				maximumFractionDigits: 1
			});
			const rules = new Intl.PluralRules(intlLocale(lang));
			for (const n of [
				0, 1, 2, 3, 7, 11, 12, 14, 21, 22, 99, 100, 101, 111, 1000, 12345, 1234567
			]) {
				expect(formatNumber(DATE_LOCALES[lang], n)).toBe(intl.format(n));
				expect(formatNumber(DATE_LOCALES[lang], n + 0.5, 1)).toBe(one.format(n + 0.5));
			}
			for (let n = 0; n <= 250; n++)
				expect(pluralCategory(lang, n), String(n)).toBe(rules.select(n));
		});
	}
});
