import { asc } from 'drizzle-orm';
import type { Db } from '../db/open';
import { gemeente } from '../db/schema';
import { quarterDays, quartersEndingWith } from '../../quarters';

// What a report is asked for (quarter or four quarters, gemeente or the whole dienst) and the
// days and gemeenten that makes.

export type Period = 'quarter' | 'year';

export interface ReportQuery {
	quarter: string;
	period: Period;
	/** Gemeente code; null is the whole dienst. */
	gemeente: string | null;
}

export interface ReportContext {
	/** Every gemeente, with the languages it offers (the report's language groups). */
	gemeenten: { id: string; code: string; name: string; languages: string[] }[];
	selected: { id: string; code: string; name: string; languages: string[] } | null;
	quarters: string[];
	from: string;
	to: string;
}

/** Gemeente by code, or null for the whole dienst; undefined when the code is unknown. */
export async function reportContext(db: Db, q: ReportQuery): Promise<ReportContext | undefined> {
	const gemeenten = await db
		.select({
			id: gemeente.id,
			code: gemeente.code,
			name: gemeente.name,
			languages: gemeente.languages
		})
		.from(gemeente)
		.orderBy(asc(gemeente.name));
	const selected = q.gemeente ? gemeenten.find((g) => g.code === q.gemeente) : null;
	if (selected === undefined) return undefined;
	const quarters = q.period === 'year' ? quartersEndingWith(q.quarter, 4) : [q.quarter];
	return {
		gemeenten,
		selected,
		quarters,
		from: quarterDays(quarters[0]!).from,
		to: quarterDays(quarters[quarters.length - 1]!).to
	};
}
