import type { Db } from './open';

/**
 * A query built once per database and kept (drizzle's `.prepare()` with `sql.placeholder`s):
 * otherwise drizzle builds the same SQL text again on every request, which the profile showed
 * as 10–16% of a page's CPU time (#19). Per database, because tests open many.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
	const built = new WeakMap<Db, Q>();
	return (db) => {
		let query = built.get(db);
		if (!query) built.set(db, (query = build(db)));
		return query;
	};
}
