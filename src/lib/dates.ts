import { intlLocale, type Language } from './i18n/languages';

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

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The one way to show a date or time to a person: in Europe/Amsterdam, in their language,
 * Gregorian calendar and Latin digits (intlLocale). `value` is an instant (a Date or an ISO
 * timestamp) or a calendar day (YYYY-MM-DD), which is shown as that same day.
 */
export function showDate(
	lang: Language,
	value: Date | string,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }
): string {
	const at =
		typeof value !== 'string'
			? value
			: new Date(DAY_ONLY.test(value) ? `${value}T12:00:00Z` : value);
	return dateFormat(lang, options).format(at);
}

/**
 * Making an Intl.DateTimeFormat costs far more than formatting with one (under load it was the
 * largest single item in the profiles of Home and the caseload, see bench/profile.ts): one per
 * language and set of options, kept for the life of the process or page. The pages pass a
 * handful of literal options, so the map stays small.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions) {
	const key = `${lang} ${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(lang), { timeZone: TIME_ZONE, ...options });
		formats.set(key, format);
	}
	return format;
}
