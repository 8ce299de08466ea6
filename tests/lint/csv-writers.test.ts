import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// #14: every CSV the app writes goes through tableCsv, which neutralises formulas. A new
// export that builds its own CSV (or serves text/csv without tableCsv) fails here.
function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

describe('CSV writers', () => {
	const sources = files('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

	it('every response served as text/csv is made by tableCsv', () => {
		const writers = sources.filter((s) => /['"]text\/csv/.test(s.text));
		expect(writers.length).toBeGreaterThan(0);
		expect(writers.filter((s) => !s.text.includes('tableCsv(')).map((s) => s.path)).toEqual([]);
	});

	it('only report-csv.ts stringifies CSV for people (and the sync API for the import)', () => {
		const stringifiers = sources.filter((s) =>
			/csv-stringify|\.join\(['"][;,]['"]\)\s*\+\s*['"]\\r?\\n/.test(s.text)
		);
		expect(stringifiers.map((s) => s.path)).toEqual([
			// Turns a JSON body into the clients file the import reads; never served to anyone,
			// and neutralising there would change a name that starts with "=".
			'src/lib/server/api/sync-clients.ts',
			'src/lib/server/report/report-csv.ts'
		]);
	});
});
