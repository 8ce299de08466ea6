import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { client, gemeente, user } from '../../src/lib/server/db/schema';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import {
	forgetOfferedLanguages,
	languagesOfAnyGemeente,
	offered
} from '../../src/lib/server/content/language-offer';

describeEachDatabase('languages a gemeente offers', (database) => {
	it("offers a client only their own gemeente's languages, in the app's order", async () => {
		const { db } = database();
		const [a] = await db
			.insert(gemeente)
			.values({ code: 'a', name: 'A', languages: ['ti', 'nl', 'ar'] })
			.returning();
		await db.insert(gemeente).values({ code: 'b', name: 'B', languages: ['nl', 'uk'] });
		const [u] = await db
			.insert(user)
			.values({ displayName: 'Semhar', roles: ['client'] })
			.returning();
		await db.insert(client).values({
			userId: u!.id,
			clientNumber: 'WW-1',
			gemeenteId: a!.id,
			birthDate: '1995-01-01',
			benefitStart: '2025-01-01'
		});
		const { token } = await createSession(db, u!.id, 30);
		const session = await validateSessionToken(db, token, 30);
		expect(session?.user.gemeenteLanguages).toEqual(['ti', 'nl', 'ar']);
		// The client's own record comes with the session: client pages need no query for it.
		expect(session?.client).toMatchObject({ clientNumber: 'WW-1', gemeenteId: a!.id });
		expect(offered(session!.user.gemeenteLanguages!, ['nl', 'en', 'ar', 'ti'])).toEqual([
			'nl',
			'ar',
			'ti'
		]);
	});

	it('leaves a language out that has no UI strings, and always keeps Dutch', () => {
		expect(offered(['ar', 'so'], ['nl', 'ar'])).toEqual(['nl', 'ar']);
	});

	it('gives staff no gemeente languages (they are offered every language)', async () => {
		const { db } = database();
		const [staff] = await db
			.insert(user)
			.values({ displayName: 'Sanne', roles: ['klantmanager'] })
			.returning();
		const { token } = await createSession(db, staff!.id, 30);
		const staffSession = await validateSessionToken(db, token, 30);
		expect(staffSession?.user.gemeenteLanguages).toBeNull();
		expect(staffSession?.client).toBeNull();
	});

	it('offers someone not signed in the languages of any gemeente, and sees a change', async () => {
		const { db } = database();
		forgetOfferedLanguages();
		expect(await languagesOfAnyGemeente(db)).toEqual(['nl', 'ar', 'ti', 'uk']);
		await db
			.update(gemeente)
			.set({ languages: ['nl'] })
			.where(eq(gemeente.code, 'b'));
		forgetOfferedLanguages();
		expect(await languagesOfAnyGemeente(db)).toEqual(['nl', 'ar', 'ti']);
	});
});
