import { env } from '../env';
import { openDatabase, type Database, type Db } from './open';

export type { Database, Db };
export { openDatabase };

let opening: Promise<Database> | undefined;

/** The app's database: postgres.js when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function database(): Promise<Database> {
	opening ??= (async () => {
		const e = env();
		const countRoundTrips = e.BENCH_COUNT_QUERIES ?? false;
		return openDatabase(
			e.DATABASE_URL
				? { url: e.DATABASE_URL, countRoundTrips }
				: { dataDir: `${e.DATA_DIR}/pglite`, countRoundTrips }
		);
	})();
	return opening;
}
