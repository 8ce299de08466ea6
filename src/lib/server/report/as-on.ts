import { sql, type SQL } from 'drizzle-orm';

// Values as they stood on a day, from a history table written by database triggers
// (exemption_history, plan_review_history; issue #13, docs/DOMAIN.md "The council report"), so a
// change made after a period does not change that period's figures. Like segment-on.ts.

const HISTORIES = {
	exemption_history: { key: 'client_id', columns: ['reason', 'review_date'] },
	plan_review_history: { key: 'plan_id', columns: ['review_date'] }
} as const;

type History = keyof typeof HISTORIES;

/**
 * A left join `alias` on `alias.k = <on>` holding the history's columns as on `day`, for the
 * rows changed after that day only (the others still hold the value of their own row, and
 * looking them all up would cost a lookup per row). `asOn` picks the right one.
 */
export function asOnJoin(history: History, day: string, alias: string, on: string): SQL {
	const { key, columns } = HISTORIES[history];
	const cols = columns.map((c) => `h.${c}`).join(', ');
	return sql`left join (select l.k, ${sql.raw(cols)}
			from (select distinct x.${sql.raw(key)} as k from ${sql.raw(history)} x
				where x.valid_from > ${day}::date) l
			left join lateral (select ${sql.raw(columns.join(', '))} from ${sql.raw(history)} y
				where y.${sql.raw(key)} = l.k and y.valid_from <= ${day}::date
				order by y.valid_from desc limit 1) h on true) ${sql.raw(alias)}
		on ${sql.raw(alias)}.k = ${sql.raw(on)}`;
}

/** The column as on the day of `asOnJoin` (null when it did not exist then), else `current`. */
export function asOn(alias: string, column: string, current: string): SQL {
	return sql.raw(`(case when ${alias}.k is not null then ${alias}.${column} else ${current} end)`);
}
