import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { appointment, client, user } from '../../src/lib/server/db/schema';
import { importFile } from '../../src/lib/server/import/kinds';
import type { ImportKindName } from '../../src/lib/server/import/run';

// Staff in an import are found by e-mail, but only among those who work for the client's
// gemeente (user.gemeente_ids; empty: every gemeente). Before, any klantmanager of the dienst
// was found, so a file could give a Lindewaard client a klantmanager who only works for
// Brakeloo (issue 15, found in session 6).

async function* oneChunk(text: string): AsyncGenerator<Uint8Array> {
	yield new TextEncoder().encode(text);
}
const NOW = new Date('2026-12-07T10:00:00Z');

describeEachDatabase('staff in an import work for the client’s gemeente', (database) => {
	let f: Fixture;
	let frans: string;
	const run = (kind: ImportKindName, text: string, apply = true) =>
		importFile(database().db, f.lead.id, kind, oneChunk(text), { apply, now: NOW });
	const clientCount = async () =>
		(
			await database()
				.db.select({ n: sql<number>`count(*)::int` })
				.from(client)
		)[0]!.n;

	it('refuses a klantmanager who works only for another gemeente in the clients file; nothing written', async () => {
		const { db } = database();
		f = await buildFixture(db);
		frans = (await db.select().from(client).where(eq(client.id, f.frans.clientId)))[0]!
			.clientNumber;
		// Sanne works for Brakeloo only; Ahmed has no list: he works for every gemeente.
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(user.id, f.sanne.id));
		const before = await clientCount();
		const file =
			'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds;klantmanager\n' +
			'ST-1;Noor Visser;12-04-1990;lindewaard;01-01-2026;ahmed@x.example\n' +
			'ST-2;Daan de Wit;13-05-1991;lindewaard;01-01-2026;sanne@x.example\n';
		const report = await run('clienten', file);
		expect(report).toMatchObject({ ok: false, applied: false });
		expect(report.errors).toEqual([
			{
				line: 3,
				field: 'klantmanager',
				message: expect.stringMatching(/sanne@x\.example werkt niet voor gemeente Lindewaard/)
			}
		]);
		expect(await clientCount()).toBe(before);
		// For a Brakeloo client she is the right klantmanager.
		const brakeloo = await run(
			'clienten',
			file.replace(/lindewaard;01-01-2026;sanne/, 'brakeloo;01-01-2026;sanne')
		);
		expect(brakeloo).toMatchObject({ ok: true, created: 2 });
		const [st2] = await db.select().from(client).where(eq(client.clientNumber, 'ST-2'));
		expect(st2).toMatchObject({ gemeenteId: f.otherGemeenteId, klantmanagerId: f.sanne.id });
	});

	it('refuses such a klantmanager in the klantmanagers file; the assignment stays', async () => {
		const { db } = database();
		const report = await run(
			'klantmanagers',
			`clientnummer;klantmanager\n${frans};sanne@x.example\n`
		);
		expect(report).toMatchObject({ ok: false, applied: false });
		expect(report.errors).toEqual([
			{
				line: 2,
				field: 'klantmanager',
				message: expect.stringMatching(/werkt niet voor gemeente Lindewaard/)
			}
		]);
		const [c] = await db.select().from(client).where(eq(client.id, f.frans.clientId));
		expect(c!.klantmanagerId).toBe(f.ahmed.id);
	});

	it('refuses such a klantmanager as the staff member of an appointment; nothing written', async () => {
		const { db } = database();
		const file =
			'afspraakid;clientnummer;datum;begintijd;eindtijd;soort;doel;medewerker\n' +
			`ST-A1;${frans};14-01-2027;09:30;10:00;kantoor;Kennismaken;ahmed@x.example\n` +
			`ST-A2;${frans};15-01-2027;09:30;10:00;kantoor;Kennismaken;sanne@x.example\n`;
		const report = await run('afspraken', file);
		expect(report).toMatchObject({ ok: false, applied: false });
		expect(report.errors).toEqual([
			{
				line: 3,
				field: 'medewerker',
				message: expect.stringMatching(/werkt niet voor gemeente Lindewaard/)
			}
		]);
		expect(await db.select().from(appointment).where(eq(appointment.externalId, 'ST-A1'))).toEqual(
			[]
		);
		// Once she also works for Lindewaard, the same file goes through.
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId, f.gemeenteId] })
			.where(eq(user.id, f.sanne.id));
		expect(await run('afspraken', file)).toMatchObject({ ok: true, created: 2 });
	});
});
