import { addDays } from '../../dates';
import { quarterOfDay, shiftQuarter } from '../../quarters';
import { addMonths } from '../report/indicators';
import { nextNonHoliday } from './termijnenwet';

// The pure rules of handhaving (docs/DOMAIN.md "Handhaving"): the time for bezwaar, the longest
// period of a maatregel, amounts in cents, the quarter the council report counts a besluit in.

/**
 * Bezwaar: six weeks (Awb art. 6:7), starting the day after the besluit was made known (art.
 * 6:8; Wegwijs takes the besluit's day as the day it was sent). The last day is the besluit's
 * day + 42 days (a besluit of Monday 1 December: up to and including Monday 12 January). A last
 * day on a Saturday, Sunday or general holiday runs on to the next day that is none of those
 * (Algemene termijnenwet art. 1 and 3, see termijnenwet.ts), as the bezwaar desk must accept it.
 */
export const OBJECTION_DAYS = 42;

export function objectionUntil(decidedOn: string): string {
	return nextNonHoliday(addDays(decidedOn, OBJECTION_DAYS));
}

/** Whether bezwaar is still possible today (the last day included). */
export function objectionOpen(decidedOn: string, today: string): boolean {
	return today <= objectionUntil(decidedOn);
}

/**
 * The longest maatregel Wegwijs takes: 12 months from its first day. The afstemmingsverordening
 * sets the months (typically 1 to 3; art. 18 lid 4 for arbeidsverplichtingen: 1 to 3 months); a
 * longer period is almost certainly a typing error. The project's own guard, not the law's.
 */
export const MAX_PERIOD_MONTHS = 12;

export type PeriodError = 'period_end_before_start' | 'period_too_long';

export function periodError(start: string, end: string): PeriodError | null {
	if (end < start) return 'period_end_before_start';
	// The last day of 12 months from 1 January is 31 December.
	if (end >= addMonths(start, MAX_PERIOD_MONTHS)) return 'period_too_long';
	return null;
}

/**
 * The largest amount Wegwijs takes (€ 1,000,000.00): beyond it, a typing error. The database
 * refuses more as well (check `handhaving_amount_max`), whoever writes the row.
 */
export const MAX_AMOUNT_CENTS = 100_000_000;

/**
 * An amount as typed in the Netherlands ("125", "125,50", "1250.5", "€ 1.250,50") in cents, or
 * null when it is not one. Thousands points are accepted only in groups of three.
 */
export function parseAmount(typed: string): number | null {
	const s = typed.trim().replace(/^€\s*/, '');
	const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2})|\.(\d{1,2}))?$/.exec(s);
	if (!m) return null;
	const euros = Number(m[1]!.replace(/\./g, ''));
	const fraction = m[2] ?? m[3] ?? '';
	const cents = euros * 100 + Number(fraction.padEnd(2, '0') || '0');
	return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * The quarter the council report counts a besluit in, decided when it is recorded: the quarter
 * of its day, unless that quarter is already published (frozen in report_snapshot); then the
 * first quarter after it that is not. A published quarter never changes, and a besluit recorded
 * late must still count in one publication (as a late survey answer does). `published` holds
 * the published quarters ("2026-Q3").
 */
export function countingQuarter(decidedOn: string, published: ReadonlySet<string>): string {
	let q = quarterOfDay(decidedOn);
	while (published.has(q)) q = shiftQuarter(q, 1);
	return q;
}

/**
 * The quarter after a correction: one already counted in a publication stays there (its
 * figures are frozen, and counting it again in a later quarter would count it twice); one not
 * yet counted counts by its new day.
 */
export function correctedCountingQuarter(
	counted: string,
	decidedOn: string,
	published: ReadonlySet<string>
): string {
	return published.has(counted) ? counted : countingQuarter(decidedOn, published);
}
