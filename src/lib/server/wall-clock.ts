import { TZDate } from '@date-fns/tz';
import { amsterdamDay, TIME_ZONE } from '../dates';

/** The instant of a wall-clock time in Amsterdam ("2026-12-03", "10:30"), summer time included. */
export function amsterdamInstant(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const [hh, mm] = time.split(':').map(Number) as [number, number];
	return new Date(new TZDate(y, m - 1, d, hh, mm, TIME_ZONE).getTime());
}

/** hour:minute on the Amsterdam calendar day of the instant `day`. */
export function amsterdamInstantOn(day: Date, hour: number, minute: number): Date {
	const pad = (n: number) => String(n).padStart(2, '0');
	return amsterdamInstant(amsterdamDay(day), `${pad(hour)}:${pad(minute)}`);
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The Amsterdam wall-clock time of an instant as HH:MM, for a time input. */
export function amsterdamClock(at: Date): string {
	return timeFormat.format(at);
}
