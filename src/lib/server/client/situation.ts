import type { Client, Segment } from '../db/schema';
import { amsterdamDay } from '../../dates';

/** Age in whole years on `today` (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
	const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
	const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
	return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The catalogue filter that fits the client: their segment, age band and status. */
export function ownSituation(
	c: Pick<Client, 'segment' | 'birthDate' | 'statushouder'>,
	// The client's own calendar day: at 00:30 in Amsterdam it is already their birthday.
	today = amsterdamDay()
): {
	segment: Segment | 'all';
	age: 'under27' | 'over45' | 'all';
	statushouder: 'yes' | 'no' | 'all';
} {
	const age = ageOn(c.birthDate, today);
	return {
		segment: c.segment ?? 'all',
		age: age < 27 ? 'under27' : age >= 45 ? 'over45' : 'all',
		statushouder: c.statushouder ? 'yes' : 'no'
	};
}
