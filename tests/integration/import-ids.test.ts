import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { appointment, client, instrumentUse } from '../../src/lib/server/db/schema';
import { importFile } from '../../src/lib/server/import/kinds';
import type { ImportKindName } from '../../src/lib/server/import/run';

// The benefit system's ids (docs/IMPORT.md, "Ids"): compared after trimming and without regard
// to letter case. `AF-1` today and `af-1` tomorrow are one appointment (a benefit system or a
// spreadsheet may change the case of an id; two appointments for one would double the client's
// agenda and the council's counts), and a file holding both is refused, naming both lines.

async function* oneChunk(text: string): AsyncGenerator<Uint8Array> {
	yield new TextEncoder().encode(text);
}
const NOW = new Date('2026-12-07T10:00:00Z');
const APPOINTMENTS = 'afspraakid;clientnummer;datum;begintijd;eindtijd;soort;doel;medewerker\n';
const USES = 'inzetid;clientnummer;instrument;startdatum;einddatum;uitkomst\n';

describeEachDatabase('ids of the benefit system: case and spaces', (database) => {
	let f: Fixture;
	let number: string;
	const run = (kind: ImportKindName, text: string) =>
		importFile(database().db, f.lead.id, kind, oneChunk(text), { apply: true, now: NOW });
	const rowsWith = async (table: typeof appointment | typeof instrumentUse, id: string) =>
		(
			await database()
				.db.select({ n: sql<number>`count(*)::int` })
				.from(table)
				.where(sql`lower(${table.externalId}) = ${id.toLowerCase()}`)
		)[0]!.n;

	it('an appointment id in another letter case, with spaces, is the same appointment', async () => {
		const { db } = database();
		f = await buildFixture(db);
		number = (await db.select().from(client).where(eq(client.id, f.frans.clientId)))[0]!
			.clientNumber;
		const row = (id: string, time = '09:00;09:30') =>
			`${id};${number};14-01-2027;${time};kantoor;Gesprek;ahmed@x.example\n`;
		expect(await run('afspraken', APPOINTMENTS + row('AF-1'))).toMatchObject({ created: 1 });
		expect(await run('afspraken', APPOINTMENTS + row(' af-1 '))).toMatchObject({
			ok: true,
			created: 0,
			updated: 0,
			unchanged: 1
		});
		// A change under the other case updates the one appointment; its id stays as first stored.
		expect(await run('afspraken', APPOINTMENTS + row('Af-1', '10:00;10:30'))).toMatchObject({
			ok: true,
			created: 0,
			updated: 1
		});
		expect(await rowsWith(appointment, 'af-1')).toBe(1);
		const [a] = await db.select().from(appointment).where(eq(appointment.externalId, 'AF-1'));
		expect(a!.startsAt.toISOString()).toBe('2027-01-14T09:00:00.000Z');
	});

	it('an instrument use id in another letter case is the same use', async () => {
		const row = (id: string, end = ';') => `${id};${number};jobcoaching;01-03-2026;${end}\n`;
		expect(await run('instrumenten', USES + row('IN-1'))).toMatchObject({ created: 1 });
		expect(await run('instrumenten', USES + row('in-1'))).toMatchObject({
			ok: true,
			created: 0,
			unchanged: 1
		});
		expect(await run('instrumenten', USES + row('in-1', '01-06-2026;afgerond'))).toMatchObject({
			ok: true,
			created: 0,
			updated: 1
		});
		expect(await rowsWith(instrumentUse, 'in-1')).toBe(1);
	});

	it('a file with two ids that differ only in case is refused, naming both lines; nothing written', async () => {
		const appointments =
			APPOINTMENTS +
			`AF-2;${number};15-01-2027;09:00;09:30;kantoor;Gesprek;ahmed@x.example\n` +
			`AF-3;${number};15-01-2027;10:00;10:30;kantoor;Gesprek;ahmed@x.example\n` +
			`af-2;${number};16-01-2027;09:00;09:30;kantoor;Gesprek;ahmed@x.example\n`;
		const r = await run('afspraken', appointments);
		expect(r).toMatchObject({ ok: false, applied: false, errorCount: 1 });
		expect(r.errors[0]).toMatchObject({ line: 4, field: 'afspraakid' });
		expect(r.errors[0]!.message).toContain('af-2');
		expect(r.errors[0]!.message).toContain('AF-2');
		expect(r.errors[0]!.message).toContain('regel 2');
		expect(await rowsWith(appointment, 'af-2')).toBe(0);
		expect(await rowsWith(appointment, 'af-3')).toBe(0);

		const clients =
			'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\n' +
			'ID-1;Eva Smit;01-01-1990;lindewaard;01-01-2026\n' +
			'id-1;Eva Smit;01-01-1990;lindewaard;01-01-2026\n';
		const c = await run('clienten', clients);
		expect(c).toMatchObject({ ok: false, errorCount: 1 });
		expect(c.errors[0]).toMatchObject({ line: 3, field: 'clientnummer' });
		expect(c.errors[0]!.message).toContain('regel 2');
	});

	it('a client number in another letter case is the same client; the re-import is unchanged', async () => {
		const { db } = database();
		const file = (n: string) =>
			'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\n' +
			`${n};Eva Smit;01-01-1990;lindewaard;01-01-2026\n`;
		expect(await run('clienten', file('ID-9'))).toMatchObject({ ok: true, created: 1 });
		expect(await run('clienten', file(' id-9 '))).toMatchObject({
			ok: true,
			created: 0,
			updated: 0,
			unchanged: 1
		});
		expect(
			await db
				.select({ n: client.clientNumber })
				.from(client)
				.where(sql`lower(${client.clientNumber}) = 'id-9'`)
		).toEqual([{ n: 'ID-9' }]);
	});
});
