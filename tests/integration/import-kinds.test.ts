import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	appointment,
	auditEvent,
	client,
	instrumentUse,
	ladderStep,
	notification,
	outflow,
	plan,
	user
} from '../../src/lib/server/db/schema';
import * as outflows from '../../src/lib/server/caseload/outflow';
import { importFile } from '../../src/lib/server/import/kinds';
import type { ImportKindName } from '../../src/lib/server/import/run';

// The kinds of file apart from the clients file (docs/IMPORT.md), each with a quirk of what
// benefit systems export: semicolons with a BOM, Windows-1252, commas, ISO and Dutch dates,
// header names written differently. Every kind: dry run writes nothing, the same file twice
// changes nothing, a changed row updates, one bad row and nothing of the file is written.

async function* chunks(bytes: Uint8Array, size = 5): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const BOM = '\uFEFF';
const NOW = new Date('2026-12-07T10:00:00Z');

describeEachDatabase('importing the other kinds of file', (database) => {
	let f: Fixture;
	let numbers: { maryam: string; frans: string };
	const run = (kind: ImportKindName, bytes: Uint8Array, apply = true) =>
		importFile(database().db, f.lead.id, kind, chunks(bytes), {
			apply,
			fileName: `${kind}.csv`,
			now: NOW
		});
	const count = async (table: typeof appointment | typeof instrumentUse | typeof ladderStep) =>
		(
			await database()
				.db.select({ n: sql<number>`count(*)::int` })
				.from(table)
		)[0]!.n;

	it('assigns klantmanagers by client number and e-mail, once', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const rows = await db.select().from(client);
		const number = (id: string) => rows.find((r) => r.id === id)!.clientNumber;
		numbers = { maryam: number(f.maryam.clientId), frans: number(f.frans.clientId) };
		// Maryam (Sanne) moves to Ahmed; Frans stays with Ahmed. Lower-case client number, upper-case e-mail.
		const file = `${BOM}Cliëntnummer;Klantmanager\r\n${numbers.maryam.toLowerCase()};AHMED@x.example\r\n${numbers.frans};ahmed@x.example\r\n`;
		const dry = await run('klantmanagers', utf8(file), false);
		expect(dry).toMatchObject({ ok: true, applied: false, updated: 1, unchanged: 1 });
		const km = async () =>
			(await db.select().from(client).where(eq(client.id, f.maryam.clientId)))[0]!.klantmanagerId;
		expect(await km()).toBe(f.sanne.id);
		expect(await run('klantmanagers', utf8(file))).toMatchObject({ ok: true, updated: 1 });
		expect(await km()).toBe(f.ahmed.id);
		expect(await run('klantmanagers', utf8(file))).toMatchObject({ updated: 0, unchanged: 2 });
		const bad = await run(
			'klantmanagers',
			utf8(`clientnummer;klantmanager\n${numbers.maryam};sanne@x.example\nWW-404;sanne@x.example\n`)
		);
		expect(bad).toMatchObject({ ok: false, applied: false });
		expect(bad.errors).toEqual([
			{ line: 3, field: 'clientnummer', message: expect.stringMatching(/WW-404 kennen we niet/) }
		]);
		expect(await km()).toBe(f.ahmed.id);
	});

	it('imports appointments from Windows-1252 with commas, on the Amsterdam clock, idempotently', async () => {
		const { db } = database();
		const file =
			'afspraak_id,clientnummer,datum,begintijd,eindtijd,soort,doel,medewerker,plaats,status\r\n' +
			`A-1,${numbers.frans},14-01-2027,9:30,10.00,kantoor,Gesprek over één werkplek,ahmed@x.example,Stadskantoor Lindewaard,gepland\r\n` +
			`A-2,${numbers.frans},2026-07-01,14:00,14:30,telefoon,"Bellen; over je plan",ahmed@x.example,,gehouden\r\n`;
		const before = await count(appointment);
		expect(await run('afspraken', cp1252(file), false)).toMatchObject({ ok: true, created: 2 });
		expect(await count(appointment)).toBe(before);
		expect(await run('afspraken', cp1252(file))).toMatchObject({ ok: true, created: 2 });
		const [a1] = await db.select().from(appointment).where(eq(appointment.externalId, 'A-1'));
		// 09:30 in Amsterdam in winter is 08:30 UTC; in summer 14:00 is 12:00 UTC.
		expect(a1).toMatchObject({
			clientId: f.frans.clientId,
			staffId: f.ahmed.id,
			kind: 'in_person',
			status: 'planned',
			purpose: 'Gesprek over één werkplek'
		});
		expect(a1!.startsAt.toISOString()).toBe('2027-01-14T08:30:00.000Z');
		const [a2] = await db.select().from(appointment).where(eq(appointment.externalId, 'A-2'));
		expect(a2!.startsAt.toISOString()).toBe('2026-07-01T12:00:00.000Z');
		expect(a2!.purpose).toBe('Bellen; over je plan');
		expect(await run('afspraken', cp1252(file))).toMatchObject({ created: 0, unchanged: 2 });
		// The benefit system cancels A-1: a changed row updates, nothing is deleted.
		const cancelled = file.replace('Lindewaard,gepland', 'Lindewaard,afgezegd');
		expect(await run('afspraken', cp1252(cancelled))).toMatchObject({ updated: 1, unchanged: 1 });
		expect(await count(appointment)).toBe(before + 2);
		const [again] = await db.select().from(appointment).where(eq(appointment.externalId, 'A-1'));
		expect(again!.status).toBe('cancelled');
	});

	it('names every bad appointment cell by line and column and writes nothing', async () => {
		const before = await count(appointment);
		const file =
			'afspraakid;clientnummer;datum;begintijd;eindtijd;soort;doel;medewerker;videolink\n' +
			`A-3;${numbers.frans};15-01-2027;10:00;10:30;video;Kennismaken;ahmed@x.example;https://meet.example/abc\n` +
			`A-4;${numbers.frans};31-02-2027;25:00;09:00;lunch;;niemand@x.example;javascript:alert(1)\n`;
		const report = await run('afspraken', utf8(file));
		expect(report).toMatchObject({ ok: false, applied: false });
		expect(report.errors.filter((e) => e.line === 3).map((e) => e.field)).toEqual([
			'datum',
			'begintijd',
			'soort',
			'doel',
			'medewerker',
			'videolink'
		]);
		expect(await count(appointment)).toBe(before);
	});

	it('imports instrument uses with outcomes; an end needs an outcome', async () => {
		const { db } = database();
		const file =
			`${BOM}Inzet-ID;Cliëntnummer;Instrument;Aanbieder;Startdatum;Geplande einddatum;Einddatum;Uitkomst\n` +
			`I-1;${numbers.frans};jobcoaching;Werkpad BV;01-03-2026;01-09-2026;15-08-2026;werk gevonden\n` +
			`I-2;${numbers.maryam};taalmaatje;;2026-10-01;;;\n`;
		const before = await count(instrumentUse);
		expect(await run('instrumenten', utf8(file), false)).toMatchObject({ ok: true, created: 2 });
		expect(await count(instrumentUse)).toBe(before);
		expect(await run('instrumenten', utf8(file))).toMatchObject({ ok: true, created: 2 });
		const [i1] = await db.select().from(instrumentUse).where(eq(instrumentUse.externalId, 'I-1'));
		expect(i1).toMatchObject({
			clientId: f.frans.clientId,
			instrumentId: await f.instrumentId('jobcoaching'),
			provider: 'Werkpad BV',
			startDate: '2026-03-01',
			plannedEndDate: '2026-09-01',
			endDate: '2026-08-15',
			outcome: 'work_found'
		});
		expect(await run('instrumenten', utf8(file))).toMatchObject({ created: 0, unchanged: 2 });
		const changed = file.replace('Werkpad BV', 'Werkpad B.V.');
		expect(await run('instrumenten', utf8(changed))).toMatchObject({ updated: 1, unchanged: 1 });
		const noOutcome = `inzetid;clientnummer;instrument;startdatum;einddatum;uitkomst\nI-3;${numbers.frans};jobcoaching;01-01-2026;01-02-2026;\nI-4;${numbers.frans};bestaat-niet;01-01-2026;;\n`;
		const refused = await run('instrumenten', utf8(noOutcome));
		expect(refused.errors.map((e) => [e.line, e.field])).toEqual([
			[2, 'uitkomst'],
			[3, 'instrument']
		]);
		expect(await count(instrumentUse)).toBe(before + 2);
	});

	it('imports ladder steps: the latest date sets the current step, the same file changes nothing', async () => {
		const { db } = database();
		const file = `clientnummer,trede,datum\n${numbers.frans},2,01-01-2026\n${numbers.frans},4,01-06-2026\n`;
		expect(await run('ladder', utf8(file))).toMatchObject({ ok: true, created: 2 });
		const step = async () =>
			(await db.select().from(client).where(eq(client.id, f.frans.clientId)))[0]!.ladderStep;
		expect(await step()).toBe(4);
		expect(await run('ladder', utf8(file))).toMatchObject({ created: 0, unchanged: 2 });
		expect(await run('ladder', utf8(file.replace(',4,', ',5,')))).toMatchObject({ updated: 1 });
		expect(await step()).toBe(5);
		const bad = await run(
			'ladder',
			utf8(`clientnummer,trede,datum\n${numbers.frans},7,1-1-2026\n`)
		);
		expect(bad.errors).toEqual([{ line: 2, field: 'trede', message: expect.any(String) }]);
		expect(await step()).toBe(5);
	});

	it('imports outflow with its effects; running uses need an outcome; the same file changes nothing', async () => {
		const { db } = database();
		// Maryam's taalmaatje (I-2) is running: outflow on 20-11-2026 needs an outcome for it.
		const noOutcome = `clientnummer;datum;reden\n${numbers.maryam};20-11-2026;verhuizing\n`;
		const refused = await run('uitstroom', utf8(noOutcome));
		expect(refused.errors).toEqual([
			{ line: 2, field: 'uitkomst', message: expect.stringMatching(/lopende instrument/) }
		]);
		expect(await db.select().from(outflow).where(eq(outflow.clientId, f.maryam.clientId))).toEqual(
			[]
		);
		const file = `clientnummer;datum;reden;uitkomst\n${numbers.maryam};20-11-2026;verhuizing;voortijdig gestopt\n`;
		expect(await run('uitstroom', utf8(file), false)).toMatchObject({ ok: true, created: 1 });
		expect(await db.select().from(outflow).where(eq(outflow.clientId, f.maryam.clientId))).toEqual(
			[]
		);
		expect(await run('uitstroom', utf8(file))).toMatchObject({ ok: true, created: 1 });
		const [o] = await db.select().from(outflow).where(eq(outflow.clientId, f.maryam.clientId));
		expect(o).toMatchObject({ date: '2026-11-20', reason: 'verhuizing' });
		const [use] = await db.select().from(instrumentUse).where(eq(instrumentUse.externalId, 'I-2'));
		// Not silently "work found": the outcome the row gave, on the outflow date.
		expect(use).toMatchObject({ endDate: '2026-11-20', outcome: 'stopped_early' });
		const told = await db
			.select()
			.from(notification)
			.where(and(eq(notification.userId, f.maryam.userId), eq(notification.kind, 'benefitEnded')));
		expect(told).toHaveLength(1);
		expect(
			await db
				.select()
				.from(plan)
				.where(and(eq(plan.clientId, f.maryam.clientId), sql`${plan.status} <> 'closed'`))
		).toEqual([]);
		expect(await run('uitstroom', utf8(file))).toMatchObject({ created: 0, unchanged: 1 });
		// The instruments file still has I-2 without an end: that does not reopen it.
		const uses = `inzetid;clientnummer;instrument;startdatum\nI-2;${numbers.maryam};taalmaatje;2026-10-01\n`;
		expect(await run('instrumenten', utf8(uses))).toMatchObject({ ok: true, unchanged: 1 });
		const [still] = await db
			.select()
			.from(instrumentUse)
			.where(eq(instrumentUse.externalId, 'I-2'));
		expect(still).toMatchObject({ endDate: '2026-11-20', outcome: 'stopped_early' });
		const otherDay = await run('uitstroom', utf8(file.replace('20-11-2026', '21-11-2026')));
		expect(otherDay.errors[0]).toMatchObject({ line: 2, field: 'datum' });
		const future = await run(
			'uitstroom',
			utf8(`clientnummer;datum;reden\n${numbers.frans};01-01-2027;werk\n`)
		);
		expect(future.errors[0]).toMatchObject({ line: 2, field: 'datum' });
		const events = await db
			.select()
			.from(auditEvent)
			.where(
				sql`${auditEvent.action} = 'import.apply' and ${auditEvent.detail}->>'kind' = 'uitstroom'`
			);
		expect(events).toHaveLength(2);
	});

	it('keeps an appointment that outflow cancelled cancelled, and refuses a new one after the outflow', async () => {
		const { db } = database();
		const clients = `clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\nBS-70;Noor Vermeer;02-02-1990;lindewaard;01-03-2026\n`;
		expect(await run('clienten', utf8(clients))).toMatchObject({ ok: true, created: 1 });
		const appointments =
			'afspraakid;clientnummer;datum;begintijd;eindtijd;soort;doel;medewerker;status\n' +
			'A-70;BS-70;15-02-2027;10:00;10:30;kantoor;Gesprek over werk;ahmed@x.example;gepland\n';
		expect(await run('afspraken', utf8(appointments))).toMatchObject({ ok: true, created: 1 });
		const outflowFile = `clientnummer;datum;reden\nBS-70;01-12-2026;werk\n`;
		expect(await run('uitstroom', utf8(outflowFile))).toMatchObject({ ok: true, created: 1 });
		const status = async () =>
			(await db.select().from(appointment).where(eq(appointment.externalId, 'A-70')))[0]!.status;
		expect(await status()).toBe('cancelled');
		// The benefit system still lists it as planned: the client was told it is off, so it stays off.
		expect(await run('afspraken', utf8(appointments))).toMatchObject({ ok: true, unchanged: 1 });
		expect(await status()).toBe('cancelled');
		// A new planned appointment after the outflow date is refused with a message naming the row.
		const later =
			appointments + 'A-71;BS-70;16-02-2027;10:00;10:30;kantoor;Nog een gesprek;ahmed@x.example;\n';
		const refused = await run('afspraken', utf8(later));
		expect(refused).toMatchObject({ ok: false, applied: false });
		expect(refused.errors).toEqual([
			{
				line: 3,
				field: 'clientnummer',
				message: expect.stringMatching(/uitgestroomd op 01-12-2026/)
			}
		]);
		expect(await db.select().from(appointment).where(eq(appointment.externalId, 'A-71'))).toEqual(
			[]
		);
		// One that was held before the outflow may still come in (history).
		const held =
			appointments + 'A-72;BS-70;20-11-2026;10:00;10:30;kantoor;Intake;ahmed@x.example;gehouden\n';
		expect(await run('afspraken', utf8(held))).toMatchObject({
			ok: true,
			created: 1,
			unchanged: 1
		});
	});

	it('records a later benefit start in the clients file as a re-entry and opens the account again', async () => {
		const { db } = database();
		const [noor] = await db.select().from(client).where(eq(client.clientNumber, 'BS-70'));
		await db.update(user).set({ disabledAt: NOW }).where(eq(user.id, noor!.userId));
		const row = (start: string) =>
			`clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\nBS-70;Noor Vermeer;02-02-1990;lindewaard;${start}\n`;
		// A start on or before the outflow date is not a new period: refused, nothing changes.
		const early = await run('clienten', utf8(row('01-12-2026')));
		expect(early.errors).toEqual([
			{
				line: 2,
				field: 'uitkeringsinds',
				message: expect.stringMatching(/uitgestroomd op 01-12-2026/)
			}
		]);
		expect(await run('clienten', utf8(row('01-03-2026')))).toMatchObject({
			ok: true,
			unchanged: 1
		});
		expect(await run('clienten', utf8(row('05-12-2026')), false)).toMatchObject({
			ok: true,
			updated: 1
		});
		expect(await outflows.countReentries(db, '2026-12-01', '2026-12-31')).toBe(0);
		expect(await run('clienten', utf8(row('05-12-2026')))).toMatchObject({ ok: true, updated: 1 });
		expect(await outflows.periodsOfClient(db, noor!.id)).toMatchObject([
			{ start: '2026-03-01', source: 'intake', outflowDate: '2026-12-01' },
			{ start: '2026-12-05', source: 'reentry', outflowDate: null }
		]);
		expect(await outflows.countReentries(db, '2026-12-01', '2026-12-31')).toBe(1);
		const [u] = await db.select().from(user).where(eq(user.id, noor!.userId));
		expect(u!.disabledAt).toBeNull();
		const events = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'client.reentry'), eq(auditEvent.clientId, noor!.id)));
		expect(events).toHaveLength(1);
		expect(await run('clienten', utf8(row('05-12-2026')))).toMatchObject({
			ok: true,
			unchanged: 1
		});
		expect(await outflows.countReentries(db, '2026-12-01', '2026-12-31')).toBe(1);
	});

	it('refuses a file of another kind by its missing columns', async () => {
		const clientsFile = `clientnummer;naam;geboortedatum;gemeente;uitkeringsinds\nBS-1;A;01-01-1990;lindewaard;01-01-2026\n`;
		const report = await run('afspraken', utf8(clientsFile));
		expect(report.ok).toBe(false);
		expect(report.errors.every((e) => e.line === 1)).toBe(true);
		expect(report.errors.map((e) => e.field)).toContain('afspraakid');
	});
});
