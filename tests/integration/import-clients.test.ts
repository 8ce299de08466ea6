import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { auditEvent, client, user } from '../../src/lib/server/db/schema';
import { importClients } from '../../src/lib/server/import/clients';

async function* chunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
	// Small chunks on purpose: a character or a line split over two chunks must still read right.
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 for the Latin-1 range, as Excel on Windows saves "CSV". */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const BOM = '\uFEFF';

describeEachDatabase('importing clients from the benefit administration', (database) => {
	let f: Fixture;
	let count: () => Promise<number>;
	const run = (bytes: Uint8Array, apply: boolean) =>
		importClients(database().db, f.lead.id, chunks(bytes), { apply, fileName: 't.csv' });

	const semicolonFile =
		BOM +
		'Cliëntnummer;Naam;Geboortedatum;Gemeente;Uitkering sinds;Doelgroep;Taal;Statushouder;Telefoon;E-mail;Klantmanager\r\n' +
		'BS-1;Zoë Jansen;12-04-1990;lindewaard;01-11-2026;werk;nl;nee;06 1234 5678;zoe@example.org;Sanne@x.example\r\n' +
		'BS-2;"Visser; Noor";1-2-1985;LINDEWAARD;2026-10-01;;ar;ja;;;\r\n' +
		'BS-3;=HYPERLINK("http://evil.example","klik");03-03-1970;lindewaard;01-01-2026;meedoen;;nee;;;\r\n';

	it('shows a dry run with exact counts and writes nothing', async () => {
		const { db } = database();
		f = await buildFixture(db);
		count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(client))[0]!.n;
		const before = await count();
		const report = await run(utf8(semicolonFile), false);
		expect(report).toMatchObject({ ok: true, applied: false, rows: 3, created: 3, errors: [] });
		expect(await count()).toBe(before);
	});

	it('applies a semicolon file with BOM, Dutch headers and dd-mm-jjjj dates; a formula stays text', async () => {
		const { db } = database();
		const before = await count();
		const report = await run(utf8(semicolonFile), true);
		expect(report).toMatchObject({ ok: true, applied: true, created: 3, updated: 0 });
		expect(await count()).toBe(before + 3);
		const rows = await db
			.select({
				number: client.clientNumber,
				name: user.displayName,
				birth: client.birthDate,
				start: client.benefitStart,
				km: client.klantmanagerId,
				statushouder: client.statushouder,
				language: user.language
			})
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(sql`${client.clientNumber} like 'BS-%'`)
			.orderBy(client.clientNumber);
		expect(rows).toEqual([
			{
				number: 'BS-1',
				name: 'Zoë Jansen',
				birth: '1990-04-12',
				start: '2026-11-01',
				km: f.sanne.id,
				statushouder: false,
				language: 'nl'
			},
			{
				number: 'BS-2',
				name: 'Visser; Noor',
				birth: '1985-02-01',
				start: '2026-10-01',
				km: null,
				statushouder: true,
				language: 'ar'
			},
			{
				number: 'BS-3',
				name: '=HYPERLINK("http://evil.example","klik")',
				birth: '1970-03-03',
				start: '2026-01-01',
				km: null,
				statushouder: false,
				language: 'nl'
			}
		]);
		const [event] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'import.apply'));
		expect(event?.detail).toMatchObject({ kind: 'clienten', rows: 3, created: 3 });
	});

	it('changes nothing when the same file comes again, and updates a changed row', async () => {
		const again = await run(utf8(semicolonFile), true);
		expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
		const changed = semicolonFile.replace('Zoë Jansen', 'Zoë de Jong');
		expect(await run(utf8(changed), true)).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
		const [row] = await database()
			.db.select({ name: user.displayName })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.clientNumber, 'BS-1'));
		expect(row?.name).toBe('Zoë de Jong');
	});

	it('reads Windows-1252 with commas and ISO dates', async () => {
		const file =
			'clientnummer,naam,geboortedatum,gemeente,uitkering_sinds\r\n' +
			'BS-10,Frédérique Müller,1991-05-06,brakeloo,2026-09-01\r\n';
		const report = await run(cp1252(file), true);
		expect(report).toMatchObject({ ok: true, created: 1 });
		const [row] = await database()
			.db.select({ name: user.displayName })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.clientNumber, 'BS-10'));
		expect(row?.name).toBe('Frédérique Müller');
	});

	it('names the line and column of every bad row and applies nothing of the file', async () => {
		const before = await count();
		const file =
			'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds;doelgroep;taal;statushouder;klantmanager\n' +
			'BS-20;Goed Mens;01-01-1980;lindewaard;01-01-2026;;;;\n' +
			'BS-21;;31-02-1980;atlantis;01-01-2026;baas;xx;misschien;niemand@x.example\n' +
			'BS-20;Dubbel;01-01-1980;lindewaard;01-01-2026;;;;\n';
		const report = await run(utf8(file), true);
		expect(report.ok).toBe(false);
		expect(report.applied).toBe(false);
		const at = (line: number) =>
			report.errors
				.filter((e) => e.line === line)
				.map((e) => e.field)
				.sort();
		expect(at(3)).toEqual(
			[
				'doelgroep',
				'gemeente',
				'geboortedatum',
				'klantmanager',
				'naam',
				'statushouder',
				'taal'
			].sort()
		);
		expect(at(4)).toEqual(['clientnummer']);
		expect(report.errors.find((e) => e.field === 'geboortedatum')?.message).toMatch(/dd-mm-jjjj/);
		expect(await count()).toBe(before);
	});

	it('answers a file of the wrong kind, an empty file and a broken one clearly', async () => {
		const wrongKind = await run(utf8('datum;tijd;plaats\n01-01-2026;10:00;Marktplein\n'), true);
		expect(wrongKind.ok).toBe(false);
		expect(wrongKind.errors[0]).toMatchObject({ line: 1, field: 'clientnummer' });
		expect(wrongKind.errors[0]!.message).toMatch(/ontbreekt/);
		const empty = await run(new Uint8Array(), true);
		expect(empty.errors).toEqual([{ line: 1, field: 'bestand', message: 'Het bestand is leeg.' }]);
		const broken = await run(
			utf8('clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\nBS-30;"open;01-01-1980;x;y\n'),
			true
		);
		expect(broken.ok).toBe(false);
		expect(broken.errors[0]!.field).toBe('bestand');
	});

	it('names a cell with a control character (a NUL byte) by line and column, and writes nothing', async () => {
		const before = await count();
		// PostgreSQL cannot store a NUL in text: without the check the whole import failed with a
		// database error instead of a message the beheerder can act on.
		const file =
			'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\n' +
			'BS-40;Noor Visser;01-01-1990;lindewaard;01-01-2026\n' +
			'BS-41;Daan\u0000de Wit;01-01-1991;lindewaard;01-01-2026\n';
		const report = await run(utf8(file), true);
		expect(report).toMatchObject({ ok: false, applied: false });
		expect(report.errors).toEqual([
			{ line: 3, field: 'naam', message: expect.stringMatching(/onzichtbaar teken/) }
		]);
		expect(await count()).toBe(before);
	});
});
