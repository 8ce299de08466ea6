import { addDays } from '../../dates';

// The Algemene termijnenwet (BWBR0002448): a deadline set by law that ends on a Saturday, Sunday
// or general holiday runs on to the next day that is none of those (art. 1 lid 1). Art. 3 lid 1
// names the general holidays: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede
// Pinksterdag, beide Kerstdagen, the day the King's birthday is celebrated, and 5 May (every
// year). First Easter and Whit Sunday are Sundays anyway; Goede Vrijdag is not in the list.
// Art. 2 (short deadlines reach at least two working days) matters only for deadlines of at
// most 12 days, so it is not implemented here.

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekday(day: string): number {
	return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/**
 * Koningsdag: 27 April, or 26 April when the 27th is a Sunday (Besluit van 2013 on the
 * celebration of Koningsdag; the King's birthday since 2014).
 */
function kingsDay(year: number): string {
	const the27th = `${year}-04-27`;
	return weekday(the27th) === 0 ? `${year}-04-26` : the27th;
}

/** The general holidays of art. 3 lid 1 in one year, in calendar order. */
export function generalHolidays(year: number): string[] {
	const easter = easterSunday(year);
	return [
		`${year}-01-01`,
		addDays(easter, 1), // tweede Paasdag
		kingsDay(year),
		`${year}-05-05`,
		addDays(easter, 39), // Hemelvaartsdag
		addDays(easter, 50), // tweede Pinksterdag
		`${year}-12-25`,
		`${year}-12-26`
	].sort();
}

export function isGeneralHoliday(day: string): boolean {
	return generalHolidays(Number(day.slice(0, 4))).includes(day);
}

/** The day itself, or the first day after it that is no Saturday, Sunday or general holiday. */
export function nextNonHoliday(day: string): string {
	let d = day;
	while (weekday(d) === 0 || weekday(d) === 6 || isGeneralHoliday(d)) d = addDays(d, 1);
	return d;
}
