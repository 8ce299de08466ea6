import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { quartersEndingWith } from '../../quarters';
import { rows, type Row } from './rows';
import type { ReportContext } from './context';
import { itemOrder, satisfactionOf } from './satisfaction';
import { publishedTotals } from './published-totals';

// ── Trend of klanttevredenheid over eight quarters ────────────────────────────

const TREND_QUARTERS = 8;

/**
 * The share (helemaal) eens per item over eight quarters. Each point is the quarter's own
 * published cell: read from the quarter's frozen report when it is published (report_snapshot,
 * so a late answer or correction never makes the trend differ from that report), else built
 * with the same counts and the same suppression as that quarter's satisfaction table
 * (`satisfactionOf`). So the trend shows nothing a quarter hides, and no n. Only the quarters
 * not yet published are built (the suppression per quarter is the report's costliest part).
 */
export async function trend(db: Db, ctx: ReportContext, lastQuarter: string, gradeCodes: string[]) {
	const quarters = quartersEndingWith(lastQuarter, TREND_QUARTERS);
	const inQuarters = sql.join(
		quarters.map((q) => sql`${q}`),
		sql`, `
	);
	const frozen = await publishedTotals(db, quarters, ctx.selected?.code ?? '*');
	const open = quarters.filter((q) => !frozen.has(q));
	const inOpen = sql.join(
		open.map((q) => sql`${q}`),
		sql`, `
	);
	const [list, answered] = await Promise.all([
		open.length === 0
			? []
			: rows(
					db,
					// Per cell only what the trend's share and its suppression use (agreeShare):
					// the answers 4–5 as value 4, 1–3 as value 1 and "weet niet" (0), so a cell is
					// at most three rows instead of one per value, and no grade or answer-set rows.
					sql`select quarter as q, gemeente_id as m, split, category as c, item,
						case when value = 0 then 0 when value >= 4 then 4 else 1 end as value,
						sum(count)::int as n
					from survey_tally_split
					where quarter in (${inOpen}) and value between 0 and 5 and item not like '*%'
						${
							gradeCodes.length
								? sql`and item not in (${sql.join(
										gradeCodes.map((g) => sql`${g}`),
										sql`, `
									)})`
								: sql``
						}
					group by 1, 2, 3, 4, 5, 6`
				),
		rows(
			db,
			sql`select distinct t.quarter as q, s.trigger, s.version from survey_tally t
				join survey s on s.id = t.survey_id
				where t.item = '*' and t.quarter in (${inQuarters})`
		)
	]);
	const perQuarter = new Map<string, Row[]>(open.map((q) => [q, []]));
	for (const r of list) perQuarter.get(String(r.q))?.push(r);
	const cells = new Map(
		quarters.map((q) => [
			q,
			frozen.get(q) ??
				new Map(
					satisfactionOf(perQuarter.get(q)!, { ...ctx, quarters: [q] }, gradeCodes).items.map(
						(i) => [i.code, i.total]
					)
				)
		])
	);
	const items = [...new Set([...cells.values()].flatMap((c) => [...c.keys()]))].sort(itemOrder);
	return {
		quarters,
		versionChanged: versionChanges(quarters, answered),
		items: items.map((code) => ({
			code,
			points: quarters.map((q) => {
				const c = cells.get(q)!.get(code);
				// No n per point: the trend is a picture of the shares.
				// An extreme share (extremes.ts) is a gap in the line, with its words in the table.
				return c
					? {
							quarter: q,
							share: c.share,
							low: c.low,
							high: c.high,
							hidden: c.hidden,
							...(c.extreme ? { extreme: c.extreme } : {})
						}
					: { quarter: q, share: null, low: null, high: null, hidden: false as const };
			})
		}))
	};
}

/**
 * The quarters in which a trigger's survey was answered in other versions than in that
 * trigger's quarter with answers before (dienst-wide, without counts): the trend warns there
 * that the questions changed. A trigger answered for the first time is no change.
 */
export function versionChanges(quarters: string[], answered: Row[]): string[] {
	const changed: string[] = [];
	const before = new Map<string, string>();
	for (const q of quarters) {
		const now = new Map<string, number[]>();
		for (const r of answered)
			if (r.q === q)
				now.set(String(r.trigger), [...(now.get(String(r.trigger)) ?? []), Number(r.version)]);
		let change = false;
		for (const [trigger, versions] of now) {
			const set = versions.sort((a, b) => a - b).join(',');
			if (before.has(trigger) && before.get(trigger) !== set) change = true;
			before.set(trigger, set);
		}
		if (change) changed.push(q);
	}
	return changed;
}
