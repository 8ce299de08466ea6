import { sql, type SQL } from 'drizzle-orm';

/**
 * A timestamp inside a JSON value built in SQL, written as `Date.toISOString()` writes it.
 * json_build_object would write it in the session's time zone and format, which differs
 * between PGlite and a PostgreSQL server; pages then read one format from both.
 */
export function isoUtc(column: SQL): SQL<string> {
	return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
