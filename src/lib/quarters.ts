import { z } from 'zod';
import { amsterdamDay } from './dates';

// Quarters as the council reads them: '2026-Q4', in Amsterdam time.

export const QUARTER = /^(\d{4})-Q([1-4])$/;

export const quarterSchema = z
	.string()
	.regex(QUARTER, 'report.errors.badQuarter')
	.refine((q) => {
		const year = Number(q.slice(0, 4));
		return year >= 2000 && year <= 2100;
	}, 'report.errors.badQuarter');

/** The quarter a YYYY-MM-DD day falls in. */
export function quarterOfDay(day: string): string {
	const month = Number(day.slice(5, 7));
	return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter of an instant, in Amsterdam. */
export function quarterOfInstant(at: Date = new Date()): string {
	return quarterOfDay(amsterdamDay(at));
}

function parts(q: string): [number, number] {
	const m = QUARTER.exec(q);
	if (!m) throw new Error(`not a quarter: ${q}`);
	return [Number(m[1]), Number(m[2])];
}

/** The quarter `n` quarters after `q` (negative: before). */
export function shiftQuarter(q: string, n: number): string {
	const [y, k] = parts(q);
	const index = y * 4 + (k - 1) + n;
	return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The `count` quarters ending with `q`, oldest first. */
export function quartersEndingWith(q: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => shiftQuarter(q, i - count + 1));
}

/** First and last day (YYYY-MM-DD) of a quarter. */
export function quarterDays(q: string): { from: string; to: string } {
	const [y, k] = parts(q);
	const firstMonth = (k - 1) * 3 + 1;
	const last = new Date(Date.UTC(y, firstMonth + 2, 0)).getUTCDate();
	const mm = (m: number) => String(m).padStart(2, '0');
	return { from: `${y}-${mm(firstMonth)}-01`, to: `${y}-${mm(firstMonth + 2)}-${last}` };
}
