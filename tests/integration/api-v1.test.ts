import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	apiKey,
	appointment,
	auditEvent,
	client,
	instrumentUse,
	outflow,
	user
} from '../../src/lib/server/db/schema';
import * as keys from '../../src/lib/server/api/keys';
import { API_BAD_KEYS_PER_MINUTE, API_CALLS_PER_MINUTE } from '../../src/lib/server/api/rate-limit';
import { translatorFor } from '../../src/lib/i18n/messages.server';
import { PUT as putClients } from '../../src/routes/api/v1/clients/+server';
import { POST as postOutflow } from '../../src/routes/api/v1/outflow/+server';
import { PUT as putAssignments } from '../../src/routes/api/v1/klantmanagers/+server';
import { PUT as putAppointments } from '../../src/routes/api/v1/appointments/+server';
import { PUT as putInstrumentUses } from '../../src/routes/api/v1/instrument-uses/+server';
import { PUT as putLadderSteps } from '../../src/routes/api/v1/ladder-steps/+server';
import { GET as getOpenApi } from '../../src/routes/api/v1/openapi.json/+server';
import type { Db } from '../../src/lib/server/db/open';

type Handler = (event: never) => Promise<Response> | Response;

/** Calls a route handler as SvelteKit would, with the hook's locals (db, translator). */
function call(
	db: Db,
	handler: Handler,
	path: string,
	body: unknown,
	opts: { key?: string; method?: string; address?: string; lang?: 'nl' | 'en'; raw?: string } = {}
) {
	const url = new URL(`http://wegwijs.test${path}`);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (opts.key) headers.authorization = `Bearer ${opts.key}`;
	const request = new Request(url, {
		method: opts.method ?? 'POST',
		headers,
		body: opts.raw ?? JSON.stringify(body)
	});
	const event = {
		request,
		url,
		locals: { db, t: translatorFor(opts.lang ?? 'nl') },
		getClientAddress: () => opts.address ?? '192.0.2.1'
	};
	return (handler as (e: typeof event) => Promise<Response>)(event);
}

const aClient = (n: string, extra: Record<string, unknown> = {}) => ({
	clientNumber: n,
	name: `Cliënt ${n}`,
	birthDate: '1990-04-12',
	benefitStart: '2026-01-01',
	...extra
});

describeEachDatabase('sync API /api/v1', (database) => {
	let f: Fixture;
	let clientsKey: string;
	let outflowKey: string;
	let otherGemeenteKey: string;
	let revokedKey: string;
	const put = (
		body: unknown,
		key: string | undefined,
		o: Parameters<typeof call>[4] & { query?: string } = {}
	) =>
		call(database().db, putClients as Handler, `/api/v1/clients${o.query ?? ''}`, body, {
			method: 'PUT',
			key,
			...o
		});
	const post = (body: unknown, key: string | undefined, o: Parameters<typeof call>[4] = {}) =>
		call(database().db, postOutflow as Handler, '/api/v1/outflow', body, { key, ...o });

	it('serves the OpenAPI document without a key', async () => {
		const r = await (getOpenApi as unknown as () => Response)();
		expect(r.status).toBe(200);
		const doc = await r.json();
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.components.schemas.SyncClient.required).toContain('clientNumber');
	});

	it('makes keys that are shown once and stored only as a hash, audited', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const made = async (gemeenteId: string, scope: 'clients' | 'outflow', name: string) => {
			const r = await keys.createKey(db, f.lead.id, { name, gemeenteId, scope });
			if (!r.ok) throw new Error('key not made');
			return r.key;
		};
		clientsKey = await made(f.gemeenteId, 'clients', 'Suite4 nachtelijk');
		outflowKey = await made(f.gemeenteId, 'outflow', 'Suite4 uitstroom');
		otherGemeenteKey = await made(f.otherGemeenteId, 'outflow', 'Brakeloo uitstroom');
		revokedKey = await made(f.gemeenteId, 'clients', 'Oud');
		const stored = await db.select().from(apiKey);
		const secret = clientsKey.split('_')[2]!;
		expect(JSON.stringify(stored)).not.toContain(secret);
		const [old] = stored.filter((k) => k.name === 'Oud');
		expect(await keys.revokeKey(db, f.lead.id, old!.id)).toBe(true);
		const events = await db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(sql`${auditEvent.action} like 'api_key.%'`);
		expect(events.map((e) => e.action).sort()).toEqual([
			'api_key.create',
			'api_key.create',
			'api_key.create',
			'api_key.create',
			'api_key.revoke'
		]);
	});

	// Every route × no key, a malformed key, a revoked key, a key of the wrong scope.
	for (const route of ['clients', 'outflow'] as const) {
		it(`${route}: refuses no key, a made-up key and a revoked key with 401, nothing applied`, async () => {
			const { db } = database();
			const send = route === 'clients' ? put : post;
			const body =
				route === 'clients'
					? { clients: [aClient('API-NOKEY')] }
					: { clientNumber: 'WW-900000', date: '2026-02-01', reason: 'werk', outcome: 'other' };
			const forged = `ww_${'a'.repeat(16)}_${'b'.repeat(52)}`;
			const wrongSecret = clientsKey.slice(0, -4) + 'aaaa';
			for (const key of [undefined, 'nonsense', forged, wrongSecret, revokedKey]) {
				const r = await send(body, key, { address: `198.51.100.${route.length}` });
				expect(r.status, `key ${key}`).toBe(401);
				expect(r.headers.get('content-type')).toContain('application/problem+json');
				expect(r.headers.get('www-authenticate')).toContain('Bearer');
				expect((await r.json()).title).toMatch(/sleutel/i);
			}
			const n = await db
				.select({ n: sql<number>`count(*)::int` })
				.from(client)
				.where(eq(client.clientNumber, 'API-NOKEY'));
			expect(n[0]!.n).toBe(0);
			expect(await db.select().from(outflow)).toHaveLength(0);
		});

		it(`${route}: a key of the other scope gets 403`, async () => {
			const r =
				route === 'clients'
					? await put({ clients: [aClient('API-SCOPE')] }, outflowKey)
					: await post(
							{ clientNumber: 'WW-900000', date: '2026-02-01', reason: 'werk', outcome: 'other' },
							clientsKey
						);
			expect(r.status).toBe(403);
		});
	}

	it('clients: creates, then the same body again changes nothing, a change updates', async () => {
		const { db } = database();
		const body = {
			clients: [
				aClient('API-1', { email: 'api1@example.org', klantmanagerEmail: 'Sanne@x.example' }),
				aClient('API-2', { name: '=HYPERLINK("http://evil.example","klik")', language: 'en' })
			]
		};
		const dry = await put(body, clientsKey, { query: '?dryRun=true' });
		expect(await dry.json()).toMatchObject({ ok: true, applied: false, created: 2 });
		const first = await put(body, clientsKey);
		expect(await first.json()).toMatchObject({ ok: true, applied: true, created: 2, updated: 0 });
		const again = await put(body, clientsKey);
		expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
		const changed = await put(
			{ clients: [{ ...body.clients[0], name: 'Cliënt API-1 Nieuw' }, body.clients[1]] },
			clientsKey
		);
		expect(await changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
		const [row] = await db
			.select({ name: user.displayName, km: client.klantmanagerId, g: client.gemeenteId })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.clientNumber, 'API-2'));
		expect(row!.name).toBe('=HYPERLINK("http://evil.example","klik")');
		expect(row!.g).toBe(f.gemeenteId);
		// The key is the actor of the import's audit event.
		const [ev] = await db
			.select({ actor: user.displayName })
			.from(auditEvent)
			.innerJoin(user, eq(user.id, auditEvent.actorId))
			.where(eq(auditEvent.action, 'import.apply'));
		expect(ev!.actor).toBe('API-sleutel: Suite4 nachtelijk');
		const [k] = await db.select().from(apiKey).where(eq(apiKey.name, 'Suite4 nachtelijk'));
		expect(k!.lastUsedAt).not.toBeNull();
	});

	it('clients: a wrong, missing or extra field is named with its row; nothing applied', async () => {
		const { db } = database();
		const r = await put(
			{
				clients: [
					aClient('API-3'),
					{ ...aClient('API-4'), birthDate: '31-02-1990', bsn: '123456782' },
					{ clientNumber: 'API-5', birthDate: '1990-01-01', benefitStart: '2026-01-01' }
				]
			},
			clientsKey,
			{ lang: 'en' }
		);
		expect(r.status).toBe(400);
		const p = await r.json();
		const pointers = p.errors.map((e: { pointer: string }) => e.pointer).sort();
		expect(pointers).toEqual(['/clients/1/birthDate', '/clients/1/bsn', '/clients/2/name']);
		expect(p.title).not.toMatch(/sleutel/);
		expect(
			p.errors.find((e: { pointer: string }) => e.pointer === '/clients/2/name').message
		).toMatch(/fill/i);
		const n = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(client)
			.where(sql`${client.clientNumber} in ('API-3','API-4','API-5')`);
		expect(n[0]!.n).toBe(0);
	});

	it('clients: an error found while writing (e-mail of someone else) refuses the whole call', async () => {
		const { db } = database();
		const r = await put(
			{ clients: [aClient('API-6'), aClient('API-7', { email: 'api1@example.org' })] },
			clientsKey
		);
		expect(r.status).toBe(400);
		const p = await r.json();
		expect(p.errors).toEqual([
			expect.objectContaining({ pointer: '/clients/1/email', code: 'emailTaken' })
		]);
		const n = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(client)
			.where(eq(client.clientNumber, 'API-6'));
		expect(n[0]!.n).toBe(0);
	});

	it('clients: a key cannot take over a client of another gemeente by its number', async () => {
		const { db } = database();
		const brakeloo = await f.addClient('Bram Brakeloo', f.ahmed.id, {
			gemeenteId: f.otherGemeenteId,
			clientNumber: 'BR-1'
		});
		const r = await put({ clients: [aClient('br-1')] }, clientsKey);
		expect(r.status).toBe(400);
		expect((await r.json()).errors[0].pointer).toBe('/clients/0/clientNumber');
		const [row] = await db
			.select({ g: client.gemeenteId, name: user.displayName })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.id, brakeloo.clientId));
		expect(row).toEqual({ g: f.otherGemeenteId, name: 'Bram Brakeloo' });
	});

	it('clients: a body that is not JSON, or not JSON typed, is refused', async () => {
		expect((await put(null, clientsKey, { raw: '{"clients": [' })).status).toBe(400);
		expect((await put({ clients: [] }, clientsKey)).status).toBe(400);
		expect((await put({ clients: {} }, clientsKey)).status).toBe(400);
	});

	it('outflow: wrong gemeente is 404; a running use needs an outcome; a repeat is unchanged', async () => {
		const { db } = database();
		const maryam = f.maryam.clientId;
		const [number] = await db
			.select({ n: client.clientNumber })
			.from(client)
			.where(eq(client.id, maryam));
		const body = { clientNumber: number!.n, date: '2026-02-01', reason: 'andere_uitkering' };
		expect((await post({ ...body, outcome: 'other' }, otherGemeenteKey)).status).toBe(404);
		const instrumentId = await f.instrumentId('taalmaatje');
		await db
			.insert(instrumentUse)
			.values({ clientId: maryam, instrumentId, startDate: '2026-01-10' });
		const missing = await post(body, outflowKey);
		expect(missing.status).toBe(400);
		expect((await missing.json()).errors[0].pointer).toBe('/outcome');
		const done = await post({ ...body, outcome: 'stopped_early' }, outflowKey);
		expect(done.status).toBe(201);
		const again = await post({ ...body, outcome: 'stopped_early' }, outflowKey);
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ status: 'unchanged' });
		const other = await post({ ...body, date: '2026-02-02' }, outflowKey);
		expect(other.status).toBe(409);
		const rows = await db.select().from(outflow).where(eq(outflow.clientId, maryam));
		expect(rows).toHaveLength(1);
		const [use] = await db
			.select()
			.from(instrumentUse)
			.where(and(eq(instrumentUse.clientId, maryam)));
		expect(use).toMatchObject({ endDate: '2026-02-01', outcome: 'stopped_early' });
	});

	// The other import kinds (sync-records.ts): the same import, keyed to the key's gemeente.
	const RECORDS = {
		klantmanagers: {
			handler: putAssignments,
			list: 'assignments',
			item: { clientNumber: 'API-1', klantmanagerEmail: 'ahmed@x.example' }
		},
		appointments: {
			handler: putAppointments,
			list: 'appointments',
			item: {
				id: 'AP-1',
				clientNumber: 'API-1',
				date: '2027-01-14',
				startTime: '09:30',
				endTime: '10:00',
				kind: 'in_person',
				purpose: 'Kennismaken',
				staffEmail: 'ahmed@x.example'
			}
		},
		'instrument-uses': {
			handler: putInstrumentUses,
			list: 'instrumentUses',
			item: {
				id: 'IU-1',
				clientNumber: 'API-1',
				instrument: 'jobcoaching',
				startDate: '2026-03-01'
			}
		},
		'ladder-steps': {
			handler: putLadderSteps,
			list: 'ladderSteps',
			item: { clientNumber: 'API-1', step: 4, date: '2026-06-01' }
		}
	} as const;
	type RecordRoute = keyof typeof RECORDS;
	let recordsKey: string;
	const putRecords = (
		route: RecordRoute,
		items: unknown[],
		key: string | undefined,
		o: Parameters<typeof call>[4] & { query?: string } = {}
	) =>
		call(
			database().db,
			RECORDS[route].handler as Handler,
			`/api/v1/${route}${o.query ?? ''}`,
			{ [RECORDS[route].list]: items },
			{ method: 'PUT', key, ...o }
		);
	const importEvents = async () =>
		(
			await database()
				.db.select({ n: sql<number>`count(*)::int` })
				.from(auditEvent)
				.where(eq(auditEvent.action, 'import.apply'))
		)[0]!.n;

	for (const route of Object.keys(RECORDS) as RecordRoute[]) {
		it(`${route}: 401 without a valid key, 403 for the outflow scope, 400 for another gemeente's client; nothing applied`, async () => {
			const { db } = database();
			if (!recordsKey) {
				const r = await keys.createKey(db, f.lead.id, {
					name: 'Suite4 overige',
					gemeenteId: f.gemeenteId,
					scope: 'clients'
				});
				if (!r.ok) throw new Error('no key');
				recordsKey = r.key;
			}
			const before = await importEvents();
			const item = RECORDS[route].item;
			for (const key of [undefined, 'nonsense', revokedKey]) {
				const r = await putRecords(route, [item], key, { address: '198.51.100.77' });
				expect(r.status, `key ${key}`).toBe(401);
				expect(r.headers.get('content-type')).toContain('application/problem+json');
			}
			expect((await putRecords(route, [item], outflowKey)).status).toBe(403);
			// BR-1 is Brakeloo's client (made above); this key is for Lindewaard.
			const foreign = await putRecords(
				route,
				[item, { ...item, clientNumber: 'br-1' }],
				recordsKey
			);
			expect(foreign.status).toBe(400);
			expect((await foreign.json()).errors).toEqual([
				expect.objectContaining({
					pointer: `/${RECORDS[route].list}/1/clientNumber`,
					code: 'otherGemeente'
				})
			]);
			const extra = await putRecords(route, [{ ...item, bsn: '123456782' }], recordsKey);
			expect(extra.status).toBe(400);
			expect((await extra.json()).errors[0].pointer).toBe(`/${RECORDS[route].list}/0/bsn`);
			expect(await importEvents()).toBe(before);
		});

		it(`${route}: a dry run writes nothing, then applies once; the same body again changes nothing`, async () => {
			const item = RECORDS[route].item;
			const before = await importEvents();
			const dry = await putRecords(route, [item], recordsKey, { query: '?dryRun=true' });
			expect(dry.status).toBe(200);
			const expected = route === 'klantmanagers' ? { updated: 1 } : { created: 1 };
			expect(await dry.json()).toMatchObject({ ok: true, applied: false, ...expected });
			expect(await importEvents()).toBe(before);
			const first = await putRecords(route, [item], recordsKey);
			expect(await first.json()).toMatchObject({ ok: true, applied: true, rows: 1, ...expected });
			const again = await putRecords(route, [item], recordsKey);
			expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
			expect(await importEvents()).toBe(before + 2);
		});
	}

	it('records: what was applied is what the body said, on the Amsterdam clock', async () => {
		const { db } = database();
		const [c] = await db.select().from(client).where(eq(client.clientNumber, 'API-1'));
		expect(c).toMatchObject({ klantmanagerId: f.ahmed.id, ladderStep: 4 });
		const [a] = await db.select().from(appointment).where(eq(appointment.externalId, 'AP-1'));
		expect(a).toMatchObject({
			clientId: c!.id,
			staffId: f.ahmed.id,
			kind: 'in_person',
			status: 'planned'
		});
		expect(a!.startsAt.toISOString()).toBe('2027-01-14T08:30:00.000Z');
		const [u] = await db.select().from(instrumentUse).where(eq(instrumentUse.externalId, 'IU-1'));
		expect(u).toMatchObject({ clientId: c!.id, startDate: '2026-03-01', endDate: null });
	});

	it('records: a bad item is named by its pointer, also one found while writing; nothing applied', async () => {
		const { db } = database();
		const good = RECORDS.appointments.item;
		const r = await putRecords(
			'appointments',
			[
				{ ...good, id: 'AP-2' },
				{ ...good, id: 'AP-3', startTime: '10:00', endTime: '09:00' },
				{ ...good, id: 'AP-4', clientNumber: 'API-404' }
			],
			recordsKey,
			{ lang: 'en' }
		);
		expect(r.status).toBe(400);
		const { errors } = await r.json();
		expect(errors.map((e: { pointer: string }) => e.pointer)).toEqual([
			'/appointments/1/endTime',
			'/appointments/2/clientNumber'
		]);
		expect(await db.select().from(appointment).where(eq(appointment.externalId, 'AP-2'))).toEqual(
			[]
		);
		const ended = await putRecords(
			'instrument-uses',
			[{ ...RECORDS['instrument-uses'].item, endDate: '2026-08-01' }],
			recordsKey
		);
		expect(ended.status).toBe(400);
		expect((await ended.json()).errors[0].pointer).toBe('/instrumentUses/0/outcome');
		const [u] = await db.select().from(instrumentUse).where(eq(instrumentUse.externalId, 'IU-1'));
		expect(u!.endDate).toBeNull();
		const bad = await putRecords(
			'ladder-steps',
			[{ clientNumber: 'API-1', step: 7, date: '2026-06-01' }],
			recordsKey
		);
		expect((await bad.json()).errors[0].pointer).toBe('/ladderSteps/0/step');
	});

	it('ids: another letter case is the same item; two in one call are refused naming both', async () => {
		const { db } = database();
		const good = RECORDS.appointments.item;
		const same = await putRecords('appointments', [{ ...good, id: 'ap-1' }], recordsKey);
		expect(await same.json()).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 });
		const use = await putRecords(
			'instrument-uses',
			[{ ...RECORDS['instrument-uses'].item, id: 'iu-1' }],
			recordsKey
		);
		expect(await use.json()).toMatchObject({ ok: true, created: 0, unchanged: 1 });
		expect(
			await db
				.select({ id: appointment.externalId })
				.from(appointment)
				.where(sql`lower(${appointment.externalId}) = 'ap-1'`)
		).toEqual([{ id: 'AP-1' }]);
		const twice = await putRecords(
			'appointments',
			[
				{ ...good, id: 'AP-8' },
				{ ...good, id: 'ap-8' }
			],
			recordsKey
		);
		expect(twice.status).toBe(400);
		const { errors } = await twice.json();
		expect(errors).toEqual([expect.objectContaining({ pointer: '/appointments/1/id' })]);
		expect(errors[0].message).toContain('/appointments/0/id');
		expect(
			await db
				.select()
				.from(appointment)
				.where(sql`lower(${appointment.externalId}) = 'ap-8'`)
		).toEqual([]);
	});

	it('staff: a key cannot assign a klantmanager who works only for another gemeente; nothing applied', async () => {
		const { db } = database();
		// Sanne works for Brakeloo only; this key is Lindewaard's.
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(user.id, f.sanne.id));
		const before = await importEvents();
		const clients = await put(
			{ clients: [aClient('API-30', { klantmanagerEmail: 'sanne@x.example' })] },
			recordsKey
		);
		expect(clients.status).toBe(400);
		expect((await clients.json()).errors).toEqual([
			expect.objectContaining({ pointer: '/clients/0/klantmanagerEmail', code: 'klantmanager' })
		]);
		expect(await db.select().from(client).where(eq(client.clientNumber, 'API-30'))).toEqual([]);
		const assigned = await putRecords(
			'klantmanagers',
			[{ clientNumber: 'API-1', klantmanagerEmail: 'sanne@x.example' }],
			recordsKey
		);
		expect(assigned.status).toBe(400);
		expect((await assigned.json()).errors).toEqual([
			expect.objectContaining({ pointer: '/assignments/0/klantmanagerEmail' })
		]);
		const [c] = await db.select().from(client).where(eq(client.clientNumber, 'API-1'));
		expect(c!.klantmanagerId).toBe(f.ahmed.id);
		const booked = await putRecords(
			'appointments',
			[{ ...RECORDS.appointments.item, id: 'AP-30', staffEmail: 'sanne@x.example' }],
			recordsKey
		);
		expect(booked.status).toBe(400);
		expect((await booked.json()).errors).toEqual([
			expect.objectContaining({ pointer: '/appointments/0/staffEmail' })
		]);
		expect(await db.select().from(appointment).where(eq(appointment.externalId, 'AP-30'))).toEqual(
			[]
		);
		expect(await importEvents()).toBe(before);
		// Working for Lindewaard too, she can be assigned (a dry run: nothing kept).
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId, f.gemeenteId] })
			.where(eq(user.id, f.sanne.id));
		const allowed = await putRecords(
			'klantmanagers',
			[{ clientNumber: 'API-1', klantmanagerEmail: 'sanne@x.example' }],
			recordsKey,
			{ query: '?dryRun=true' }
		);
		expect(await allowed.json()).toMatchObject({ ok: true, updated: 1 });
		await db.update(user).set({ gemeenteIds: [] }).where(eq(user.id, f.sanne.id));
	});

	it(`rate limit: call ${API_CALLS_PER_MINUTE + 1} in a minute gets 429 with Retry-After`, async () => {
		const { db } = database();
		const r = await keys.createKey(db, f.lead.id, {
			name: 'Druk',
			gemeenteId: f.gemeenteId,
			scope: 'clients'
		});
		if (!r.ok) throw new Error('no key');
		let last: Response | undefined;
		for (let i = 0; i <= API_CALLS_PER_MINUTE; i++) last = await put({ clients: [] }, r.key);
		expect(last!.status).toBe(429);
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another key is not affected.
		expect((await put({ clients: [] }, clientsKey)).status).toBe(400);
	});

	it('wrong keys from one address: after a few the address waits (429)', async () => {
		let last: Response | undefined;
		for (let i = 0; i <= API_BAD_KEYS_PER_MINUTE; i++)
			last = await put({ clients: [] }, 'ww_guess', { address: '203.0.113.9' });
		expect(last!.status).toBe(429);
		// A good key from another address still works.
		expect((await put({ clients: [] }, clientsKey, { address: '203.0.113.10' })).status).toBe(400);
	});
});
