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

export const DAY_MS = 86_400_000;

/** The instant a whole number of 24-hour days after `at` (before it when negative). */
export function daysAfter(at: Date, days: number): Date {
	return new Date(at.getTime() + days * DAY_MS);
}

/** The same calendar date `years` years earlier (29 February falls to 1 March), for ages. */
export function yearsBefore(at: Date, years: number): Date {
	const r = new Date(at);
	r.setUTCFullYear(r.getUTCFullYear() - years);
	return r;
}

/** An instant on a Saturday or Sunday in Amsterdam moved to the Friday before or Monday after. */
export function workingDay(at: Date, forward: boolean): Date {
	const weekday = new Date(`${amsterdamDay(at)}T12:00:00Z`).getUTCDay();
	if (weekday === 6) return daysAfter(at, forward ? 2 : -1);
	if (weekday === 0) return daysAfter(at, forward ? 1 : -2);
	return at;
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
