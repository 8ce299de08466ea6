/**
 * One formatting path for dates, times and numbers, the same on the server and in every
 * browser. Browsers' own Intl lacks Somali, Tigrinya and Dari (Chromium formats them with the
 * root locale, "M12 14, Mon") and differs between ICU versions, so pages never ask it for
 * names or patterns: they fill the CLDR patterns of `date-locales.ts` (generated from the
 * server's ICU by scripts/date-locales.ts). Intl is only used for the Amsterdam wall clock,
 * which every browser has.
 */

/** The styles the app shows; each name is one set of Intl options. */
export const DATE_STYLES = {
	long: { dateStyle: 'long' },
	medium: { dateStyle: 'medium' },
	short: { dateStyle: 'short' },
	full: { dateStyle: 'full' },
	time: { timeStyle: 'short' },
	longTime: { dateStyle: 'long', timeStyle: 'short' },
	mediumTime: { dateStyle: 'medium', timeStyle: 'short' },
	shortTime: { dateStyle: 'short', timeStyle: 'short' },
	shortSeconds: { dateStyle: 'short', timeStyle: 'medium' },
	fullTime: { dateStyle: 'full', timeStyle: 'short' },
	weekdayDayMonth: { weekday: 'long', day: 'numeric', month: 'long' },
	weekdayDayMonthYear: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
	weekdayDayMonthTimeShort: {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	}
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

export type DateToken =
	| string
	| { f: 'day' | 'month' | 'hour' | 'minute' | 'second'; pad: boolean }
	| { f: 'year' | 'year2' | 'dayPeriod' }
	| { f: 'monthName' | 'weekday'; names: number };

export interface DateLocale {
	hourCycle: 'h11' | 'h12' | 'h23' | 'h24';
	/** AM and PM. */
	periods: [string, string];
	/** Month (12) and weekday (7, Sunday first) name lists, referred to by index. */
	names: string[][];
	styles: Record<DateStyle, DateToken[]>;
	group: string;
	decimal: string;
}

const wallClock = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Amsterdam', // TIME_ZONE in dates.ts (which imports this module)
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

interface Fields {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function amsterdamFields(date: Date): Fields {
	const f: Record<string, number> = {};
	for (const p of wallClock.formatToParts(date)) if (p.type !== 'literal') f[p.type] = +p.value;
	return f as unknown as Fields;
}

const two = (n: number, pad: boolean) => (pad && n < 10 ? `0${n}` : String(n));

/** A date only (YYYY-MM-DD) is that day at noon in Amsterdam; anything else is an instant. */
export function toDate(value: Date | string): Date {
	if (typeof value !== 'string') return value;
	return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

export function formatDate(locale: DateLocale, value: Date | string, style: DateStyle): string {
	const date = toDate(value);
	if (Number.isNaN(date.getTime())) return '';
	const v = amsterdamFields(date);
	let out = '';
	for (const token of locale.styles[style]) {
		if (typeof token === 'string') {
			out += token;
			continue;
		}
		switch (token.f) {
			case 'year':
				out += v.year;
				break;
			case 'year2':
				out += two(v.year % 100, true);
				break;
			case 'month':
				out += two(v.month, token.pad);
				break;
			case 'monthName':
				out += locale.names[token.names]?.[v.month - 1] ?? '';
				break;
			case 'weekday':
				out +=
					locale.names[token.names]?.[new Date(Date.UTC(v.year, v.month - 1, v.day)).getUTCDay()] ??
					'';
				break;
			case 'day':
				out += two(v.day, token.pad);
				break;
			case 'hour': {
				const h = v.hour;
				const shown =
					locale.hourCycle === 'h12'
						? h % 12 || 12
						: locale.hourCycle === 'h11'
							? h % 12
							: locale.hourCycle === 'h24'
								? h || 24
								: h;
				out += two(shown, token.pad);
				break;
			}
			case 'minute':
				out += two(v.minute, token.pad);
				break;
			case 'second':
				out += two(v.second, token.pad);
				break;
			case 'dayPeriod':
				out += locale.periods[v.hour < 12 ? 0 : 1];
				break;
		}
	}
	return out;
}

/** A whole or decimal number with the language's separators (Latin digits, groups of three). */
export function formatNumber(locale: DateLocale, value: number, fractionDigits = 0): string {
	const fixed = Math.abs(value).toFixed(fractionDigits);
	const [whole = '', fraction] = fixed.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale.group);
	return (value < 0 ? '-' : '') + grouped + (fraction ? locale.decimal + fraction : '');
}
