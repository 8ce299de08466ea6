import { expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { user } from '../../src/lib/server/db/schema';
import { importFile } from '../../src/lib/server/import/kinds';
import { IMPORT_KINDS } from '../../src/lib/server/import/run';

// The example file of every kind in docs/IMPORT.md reads without an error, in the order the
// documentation gives, and reading them all again changes nothing.

async function* bytes(path: string) {
	yield new Uint8Array(await readFile(path));
}

describeEachDatabase('the documented example files', (database) => {
	it('apply in order on the demo dienst, and again without change', async () => {
		const { db } = database();
		await seedDemo(db);
		const [admin] = await db.select().from(user).where(eq(user.demoKey, 'admin'));
		const now = new Date('2026-12-07T10:00:00Z');
		for (const round of [1, 2])
			for (const kind of IMPORT_KINDS) {
				const report = await importFile(
					db,
					admin!.id,
					kind,
					bytes(`docs/import-examples/${kind}.csv`),
					{ apply: true, now }
				);
				expect(report.errors, kind).toEqual([]);
				if (round === 2) expect(report.created + report.updated, kind).toBe(0);
			}
	});
});
