import { expect, it } from 'vitest';
import { asc, eq, like, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	appointment,
	benefitPeriod,
	client,
	instrumentUse,
	user
} from '../../src/lib/server/db/schema';
import { importFile } from '../../src/lib/server/import/kinds';
import { BATCH, type ImportKindName } from '../../src/lib/server/import/run';

// Appointments and instrument uses are written a batch at a time: one statement for the new
// rows and one for the changed rows of each batch (import/appointments.ts,
// import/instrument-uses.ts). Files longer than two batches: what is stored is what each row
// says, a re-import changes nothing, a change to some rows updates exactly those, and an error
// in the last batch keeps every earlier batch out.

const N = 2 * BATCH + 100;
async function* oneChunk(text: string): AsyncGenerator<Uint8Array> {
	yield new TextEncoder().encode(text);
}
const NOW = new Date('2026-12-07T10:00:00Z');
const pad = (i: number) => String(i).padStart(4, '0');

describeEachDatabase('imports longer than a batch', (database) => {
	let f: Fixture;
	let number: string;
	const run = (kind: ImportKindName, text: string) =>
		importFile(database().db, f.lead.id, kind, oneChunk(text), { apply: true, now: NOW });
	const appointments = (row: (i: number) => string) =>
		'afspraakid;clientnummer;datum;begintijd;eindtijd;soort;doel;medewerker;plaats;meenemen;status\n' +
		Array.from({ length: N }, (_, i) => row(i)).join('\n') +
		'\n';
	const appointmentRow = (i: number) =>
		`B-${pad(i)};${number};${(i % 28) + 1}-01-2027;09:00;09:30;kantoor;Gesprek ${i};ahmed@x.example;Kantoor ${i};;gepland`;

	it(`stores ${N} appointments as the rows say, and the same file again changes nothing`, async () => {
		const { db } = database();
		f = await buildFixture(db);
		number = (await db.select().from(client).where(eq(client.id, f.frans.clientId)))[0]!
			.clientNumber;
		expect(await run('afspraken', appointments(appointmentRow))).toMatchObject({
			ok: true,
			created: N,
			updated: 0
		});
		const stored = await db
			.select()
			.from(appointment)
			.where(like(appointment.externalId, 'B-%'))
			.orderBy(asc(appointment.externalId));
		expect(stored).toHaveLength(N);
		expect(stored[N - 1]).toMatchObject({
			externalId: `B-${pad(N - 1)}`,
			clientId: f.frans.clientId,
			staffId: f.ahmed.id,
			kind: 'in_person',
			purpose: `Gesprek ${N - 1}`,
			place: `Kantoor ${N - 1}`,
			bring: null,
			status: 'planned'
		});
		// 14-01-2027 09:00 in Amsterdam (winter) is 08:00 UTC.
		expect(stored[13]!.startsAt.toISOString()).toBe('2027-01-14T08:00:00.000Z');
		expect(await run('afspraken', appointments(appointmentRow))).toMatchObject({
			ok: true,
			created: 0,
			updated: 0,
			unchanged: N
		});
	});

	it('updates exactly the changed appointments, in every batch; an empty cell empties the field', async () => {
		const { db } = database();
		const changed = (i: number) =>
			i % 3 === 0
				? `B-${pad(i)};${number};${(i % 28) + 1}-01-2027;10:00;10:45;telefoon;Gesprek ${i};sanne@x.example;;Loonstrook;afgezegd`
				: appointmentRow(i);
		const expected = Math.ceil(N / 3);
		expect(await run('afspraken', appointments(changed))).toMatchObject({
			ok: true,
			created: 0,
			updated: expected,
			unchanged: N - expected
		});
		const [last] = await db
			.select()
			.from(appointment)
			.where(eq(appointment.externalId, `B-${pad(N - 1 - ((N - 1) % 3))}`));
		expect(last).toMatchObject({
			staffId: f.sanne.id,
			kind: 'phone',
			place: null,
			bring: 'Loonstrook',
			status: 'cancelled'
		});
		expect(last!.endsAt.getTime() - last!.startsAt.getTime()).toBe(45 * 60_000);
		const [kept] = await db.select().from(appointment).where(eq(appointment.externalId, 'B-0001'));
		expect(kept).toMatchObject({ staffId: f.ahmed.id, place: 'Kantoor 1', status: 'planned' });
	});

	it('an error in the last batch keeps every earlier batch of instrument uses out', async () => {
		const { db } = database();
		const uses = (row: (i: number) => string) =>
			'inzetid;clientnummer;instrument;startdatum;einddatum;uitkomst;reden\n' +
			Array.from({ length: N }, (_, i) => row(i)).join('\n') +
			'\n';
		const useRow = (i: number) => `U-${pad(i)};${number};jobcoaching;01-03-2026;;;`;
		const bad = await run(
			'instrumenten',
			uses((i) => (i === N - 1 ? `U-${pad(i)};WW-404;jobcoaching;01-03-2026;;;` : useRow(i)))
		);
		expect(bad).toMatchObject({ ok: false, applied: false });
		expect(bad.errors).toEqual([
			{ line: N + 1, field: 'clientnummer', message: expect.stringMatching(/WW-404/) }
		]);
		const count = async () =>
			(
				await db
					.select({ n: sql<number>`count(*)::int` })
					.from(instrumentUse)
					.where(like(instrumentUse.externalId, 'U-%'))
			)[0]!.n;
		expect(await count()).toBe(0);
		expect(await run('instrumenten', uses(useRow))).toMatchObject({ ok: true, created: N });
		// Every second use ends with an outcome and a reason; the rest stay as they were.
		const ended = (i: number) =>
			i % 2 ? `U-${pad(i)};${number};jobcoaching;01-03-2026;01-09-2026;afgerond;Klaar` : useRow(i);
		expect(await run('instrumenten', uses(ended))).toMatchObject({
			ok: true,
			updated: Math.floor(N / 2),
			unchanged: Math.ceil(N / 2)
		});
		const [u] = await db
			.select()
			.from(instrumentUse)
			.where(eq(instrumentUse.externalId, `U-${pad(N - 1)}`));
		expect(u).toMatchObject({
			clientId: f.frans.clientId,
			startDate: '2026-03-01',
			endDate: '2026-09-01',
			outcome: 'completed',
			outcomeReason: 'Klaar',
			createdBy: f.lead.id
		});
		expect(await count()).toBe(N);
		expect(await run('instrumenten', uses(ended))).toMatchObject({ updated: 0, unchanged: N });
	});

	it('updates exactly the changed clients, in every batch, each field as the row says', async () => {
		const { db } = database();
		const clients = (row: (i: number) => string) =>
			'clientnummer;naam;geboortedatum;gemeente;uitkeringsinds;doelgroep;taal;telefoon;klantmanager\n' +
			Array.from({ length: N }, (_, i) => row(i)).join('\n') +
			'\n';
		const clientRow = (i: number) =>
			`K-${pad(i)};Cliënt ${i};01-01-1990;lindewaard;01-01-2026;werk;nl;;sanne@x.example`;
		expect(await run('clienten', clients(clientRow))).toMatchObject({ ok: true, created: N });
		// Every third client: another phone, name, segment and start; the klantmanager cell empty
		// (keeps Sanne). The others as before.
		const changed = (i: number) =>
			i % 3 === 0
				? `K-${pad(i)};Cliënt ${i} Smit;01-01-1990;lindewaard;01-02-2026;meedoen;nl;06-${10000000 + i};`
				: clientRow(i);
		const expected = Math.ceil(N / 3);
		expect(await run('clienten', clients(changed))).toMatchObject({
			ok: true,
			created: 0,
			updated: expected,
			unchanged: N - expected
		});
		const last = N - 1 - ((N - 1) % 3);
		const [c] = await db
			.select({
				id: client.id,
				name: user.displayName,
				phone: user.phone,
				segment: client.segment,
				start: client.benefitStart,
				km: client.klantmanagerId
			})
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.clientNumber, `K-${pad(last)}`));
		expect(c).toMatchObject({
			name: `Cliënt ${last} Smit`,
			phone: `06-${10000000 + last}`,
			segment: 'meedoen',
			start: '2026-02-01',
			km: f.sanne.id
		});
		expect(
			(
				await db
					.select({ start: benefitPeriod.start })
					.from(benefitPeriod)
					.where(eq(benefitPeriod.clientId, c!.id))
					.orderBy(asc(benefitPeriod.start))
			).map((p) => p.start)
		).toEqual(['2026-01-01', '2026-02-01']);
		const [kept] = await db
			.select({ name: user.displayName, phone: user.phone, segment: client.segment })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.clientNumber, 'K-0001'));
		expect(kept).toEqual({ name: 'Cliënt 1', phone: null, segment: 'werk' });
		expect(await run('clienten', clients(changed))).toMatchObject({ updated: 0, unchanged: N });
	});
});
