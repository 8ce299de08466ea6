// Batched inserts for generated data.
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open';

// ── Batched inserts ───────────────────────────────────────────────────────────

/** Multi-row inserts, sized to stay under Postgres' 65,535 bind parameters per statement. */
export async function insertMany<T extends PgTable>(
	db: Db,
	table: T,
	rows: PgInsertValue<T>[],
	maxRows = 5000
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Math.max(...rows.slice(0, 10).map((r) => Object.keys(r).length), 1);
	const size = Math.max(1, Math.min(maxRows, Math.floor(60_000 / columns)));
	for (let i = 0; i < rows.length; i += size) {
		await db.insert(table).values(rows.slice(i, i + size));
	}
}
