import { sql, type SQL } from 'drizzle-orm';

// A client's segment as it was on a day (issue #13, docs/REPORT.md "Indicator definitions"):
// from segment_history, so a re-classification does not change the figures of past periods.

/**
 * A join giving `sh.segment` on `day` for the clients re-classified after it (only those: the
 * others still have the segment of their client row, and looking them all up would cost a
 * lookup per client). Use with `segmentOnExpr` and a client table aliased `c`.
 */
export function segmentOnJoin(day: string): SQL {
	return sql`left join (select distinct on (h.client_id) h.client_id, h.segment
			from segment_history h
			where h.valid_from <= ${day}::date and h.client_id in
				(select l.client_id from segment_history l where l.valid_from > ${day}::date)
			order by h.client_id, h.valid_from desc) sh on sh.client_id = c.id`;
}

/** The segment on the day of `segmentOnJoin`, 'none' when not classified then. */
export const segmentOnExpr = sql.raw(
	`coalesce(case when sh.client_id is not null then sh.segment else c.segment end, 'none')`
);
