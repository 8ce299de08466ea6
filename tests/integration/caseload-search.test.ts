import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { client, user } from '../../src/lib/server/db/schema';
import { searchCaseload } from '../../src/lib/server/caseload/caseload';
import { searchName } from '../../src/lib/server/db/search-name';

// Issue #18: names from every language. A klantmanager types a name the way they heard it.
describeEachDatabase('caseload search ignores accents and case', (database) => {
	let f: Fixture;
	const names = async (q: string) =>
		(await searchCaseload(database().db, f.sanne, { q })).rows.map((r) => r.name).sort();

	it('finds names whatever the accents, case, hyphens and apostrophes', async () => {
		const { db } = database();
		f = await buildFixture(db);
		await f.addClient('Agnieszka Wójcik', f.sanne.id);
		await f.addClient('Çağrı Öztürk', f.sanne.id);
		await f.addClient('Søren Łukasz-Ærø', f.sanne.id);
		await f.addClient("Aïcha N'Diaye", f.sanne.id);
		await f.addClient('Olena Kovalenko', f.ahmed.id); // not in Sanne's caseload
		expect(await names('wojcik')).toEqual(['Agnieszka Wójcik']);
		expect(await names('WÓJCIK')).toEqual(['Agnieszka Wójcik']);
		expect(await names('cagri ozturk')).toEqual(['Çağrı Öztürk']);
		expect(await names('lukasz')).toEqual(['Søren Łukasz-Ærø']);
		expect(await names('soren lukasz')).toEqual(['Søren Łukasz-Ærø']);
		expect(await names('ndiaye')).toEqual(["Aïcha N'Diaye"]);
		expect(await names('aicha')).toEqual(["Aïcha N'Diaye"]);
		expect(await names('kovalenko')).toEqual([]);
		// A LIKE wildcard typed by the klantmanager is a plain character.
		expect(await names('%')).toEqual([]);
	});

	it('finds a name in Arabic script by its stored Latin spelling, and by the script itself', async () => {
		const { db } = database();
		const { clientId } = await f.addClient('مريم الحسن', f.sanne.id);
		await db.update(client).set({ latinName: 'Maryam al-Ḥasan' }).where(eq(client.id, clientId));
		expect(await names('al hasan')).toEqual(['مريم الحسن']);
		expect(await names('Al-Hasan')).toEqual(['مريم الحسن']);
		expect(await names('الحسن')).toEqual(['مريم الحسن']);
	});

	it('keeps the stored search form equal to the app’s, also after a rename', async () => {
		const { db } = database();
		const [u] = await db
			.select({ id: user.id })
			.from(user)
			.where(eq(user.displayName, 'Agnieszka Wójcik'));
		await db
			.update(user)
			.set({ displayName: 'Agnieszka Wójcik-Dąbrowska' })
			.where(eq(user.id, u!.id));
		const [row] = await db.select({ s: user.searchName }).from(user).where(eq(user.id, u!.id));
		expect(row!.s).toBe(searchName('Agnieszka Wójcik-Dąbrowska'));
		expect(row!.s).toBe('agnieszka wojcik dabrowska');
		expect(await names('dabrowska')).toEqual(['Agnieszka Wójcik-Dąbrowska']);
	});
});
