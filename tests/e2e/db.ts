import postgres from 'postgres';

/**
 * Direct database access for assertions. Only when the test server runs on PostgreSQL
 * (E2E_DATABASE_URL, set by `npm test` when TEST_DATABASE_URL is); PGlite is a single
 * process and cannot be read from outside the app.
 */
export const hasDatabase = !!process.env.E2E_DATABASE_URL;

let client: postgres.Sql | undefined;
export function sql(): postgres.Sql {
	client ??= postgres(process.env.E2E_DATABASE_URL!, { max: 2, onnotice: () => {} });
	return client;
}
