import type { Language } from './i18n/languages';
import { formatDate, type DateStyle } from './date-format';
import { DATE_LOCALES } from './date-locales';

// Wegwijs works in Amsterdam time, wherever the server or phone is.
export const TIME_ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar day in Amsterdam as YYYY-MM-DD. */
export function amsterdamDay(at: Date = new Date()): string {
	return dayFormat.format(at);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/**
 * The one way to show a date or time to a person: in Europe/Amsterdam, in their language,
 * Gregorian calendar and Latin digits. `value` is an instant (a Date or an ISO timestamp) or a
 * calendar day (YYYY-MM-DD), shown as that same day. It fills the CLDR patterns of
 * date-locales.ts (see date-format.ts), so the server and every browser write the same text,
 * also in Somali, Tigrinya and Dari, which browsers' own Intl lacks.
 */
export function showDate(lang: Language, value: Date | string, style: DateStyle = 'long'): string {
	return formatDate(DATE_LOCALES[lang], value, style);
}
