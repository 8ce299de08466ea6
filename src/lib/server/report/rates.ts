// Pure rules of the indicators added for issue #13 §7 (docs/DOMAIN.md "The council report"):
// inflow and outflow rates, and working days to a first answer.

/** Working days within which an answer counts as quick (the project's own choice). */
export const ANSWER_WORKING_DAYS = 2;

/**
 * Instroom- and uitstroompercentage as the Soest rekenkamer (2012, bijlage 3) defines them:
 * inflow over the bestand at the end of the period; outflow over the inflow plus the bestand on
 * the day before the period. Null when a figure is hidden or the base is 0.
 */
export function flowRates(f: {
	before: number | null;
	size: number | null;
	inflow: number | null;
	outflow: number | null;
}): { inflowRate: number | null; outflowRate: number | null } {
	const inflowRate = f.inflow !== null && f.size !== null && f.size > 0 ? f.inflow / f.size : null;
	const base = f.inflow !== null && f.before !== null ? f.inflow + f.before : null;
	const outflowRate = f.outflow !== null && base !== null && base > 0 ? f.outflow / base : null;
	return { inflowRate, outflowRate };
}

const DAY = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Working days (Monday to Friday; public holidays are not known) after `from` up to and
 * including `to`: asked on Friday and answered on Monday is 1, answered the same day is 0.
 */
export function workingDaysBetween(from: string, to: string): number {
	const days = Math.round((utc(to) - utc(from)) / DAY);
	if (days <= 0) return 0;
	const weeks = Math.floor(days / 7);
	let n = weeks * 5;
	const start = new Date(utc(from)).getUTCDay();
	for (let i = 1; i <= days - weeks * 7; i++) {
		const wd = (start + i) % 7;
		if (wd !== 0 && wd !== 6) n++;
	}
	return n;
}

/** Answered (answer day given) within `limit` working days after the day it was asked. */
export function withinWorkingDays(asked: string, answered: string | null, limit: number): boolean {
	return answered !== null && workingDaysBetween(asked, answered) <= limit;
}

/**
 * The median of working days to a first answer; an unanswered question (null) counts as longer
 * than any answer. Null when there is none or the middle falls on an unanswered one.
 */
export function medianDays(days: (number | null)[]): number | null {
	if (days.length === 0) return null;
	const sorted = [...days].sort(
		(a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY)
	);
	const mid = sorted.length / 2;
	const pick = sorted.length % 2 === 1 ? [sorted[Math.floor(mid)]] : [sorted[mid - 1], sorted[mid]];
	if (pick.some((x) => x === null || x === undefined)) return null;
	return (pick as number[]).reduce((a, b) => a + b, 0) / pick.length;
}
