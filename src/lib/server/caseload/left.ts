import { sql } from 'drizzle-orm';

/*
 * Written with the table name itself: drizzle leaves the table off a column when a query has
 * no join, and inside these subqueries a bare "id" would name the outflow's own id.
 */
const current = sql.raw(
	`o.client_id = "client"."id" and o.benefit_start = "client"."benefit_start"`
);

/**
 * SQL on `client`: the client's current benefit period has an outflow (they left and did not
 * return). A return starts a new period (`benefit_start` moves on), so this is false again.
 */
export const hasLeft = sql`exists (select 1 from "outflow" o where ${current})`;

/** SQL on `client`: the date (ISO text) the current benefit period ended, or null. */
export const leftOn = sql<string | null>`(select o.date::text from "outflow" o where ${current})`;
