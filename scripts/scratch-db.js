// A uniquely named database on a PostgreSQL server, for tests and benchmarks, dropped again
// by `drop()`. Plain JavaScript so the test runner script can use it as well as TypeScript.
import postgres from 'postgres';

/**
 * @param {string} baseUrl a postgres:// URL of the server (any existing database)
 * @param {string} prefix the new database's name starts with this
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function createScratchDatabase(baseUrl, prefix = 'wegwijs_t') {
	const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}"`);
	await admin.end();
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
			await a.unsafe(`drop database if exists "${name}" with (force)`);
			await a.end();
		}
	};
}
