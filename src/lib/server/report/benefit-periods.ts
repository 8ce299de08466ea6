import { sql, type SQL } from 'drizzle-orm';

// One definition of the bestand, inflow and outflow for the whole report (issue #13,
// docs/DOMAIN.md "The council report"): benefit periods. A period starts on its start day and
// ends on the day of its outflow (that day is no longer on the benefit). The bestand on a day
// is the periods open on it, so a client between two periods is not in it; the inflow of a
// period is the periods that started in it (a re-entry is an inflow of its own); the outflow
// is every period that ended in it. So size(end) = size(day before) + inflow − outflow holds
// by construction.

/**
 * Every benefit period as (client_id, start): the rows of `benefit_period`, the client's current
 * start (clients from before periods were kept have no row) and the period every outflow names
 * (so no outflow ends a period the bestand never counted).
 */
export const PERIODS = sql.raw(`(select client_id, start from benefit_period
	union select id, benefit_start from client
	union select client_id, benefit_start from outflow)`);

/**
 * The periods open on `day` (`p.client_id`, `p.start`), one per client on consistent data.
 * `day` is an SQL date expression (a column of a days list, or a parameter cast to date).
 */
export function openPeriodsOn(day: SQL): SQL {
	return sql`(select p.client_id, p.start, d.day from ${PERIODS} p
		cross join (select ${day} as day) d
		left join outflow o on o.client_id = p.client_id and o.benefit_start = p.start
		where p.start <= d.day and (o.date is null or o.date > d.day))`;
}

/** Periods started between two days (inflow), with `client_id`. */
export function periodsStarted(from: SQL, to: SQL): SQL {
	return sql`(select p.client_id, p.start from ${PERIODS} p where p.start between ${from} and ${to})`;
}
