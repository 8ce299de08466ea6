import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import * as schema from '../../src/lib/server/db/schema';
import { runRetention } from '../../src/lib/server/retention/retention';
import {
	RETENTION_DEFAULTS,
	setTerms,
	termsByGemeente,
	type Terms
} from '../../src/lib/server/retention/terms';
import type { Db } from '../../src/lib/server/db/open';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Noon in Amsterdam on that day (winter time is fine: the job only looks at the day). */
const noon = (day: string) => new Date(`${day}T12:00:00+01:00`);
const count = async (db: Db, table: PgTable, where: ReturnType<typeof sql>) =>
	(
		await db
			.select({ n: sql<number>`count(*)::int` })
			.from(table)
			.where(where)
	)[0]!.n;

describeEachDatabase(
	'retention: terms per gemeente, removal on the day after the term',
	(database) => {
		let f: Fixture;
		let left: { clientId: string; userId: string };
		let stays: { clientId: string; userId: string };
		let otherGemeente: { clientId: string; userId: string };
		const terms: Terms = {
			client_file: 30,
			plans: 10,
			appointments: 10,
			messages: 10,
			notifications: 5,
			open_answers: 10,
			sessions: 2,
			idempotency: 3,
			handhaving: 20
		};

		async function giveData(db: Db, who: { clientId: string; userId: string }, tag: string) {
			await db.insert(schema.plan).values({ clientId: who.clientId, goal: `plan ${tag}` });
			await db.insert(schema.appointment).values({
				clientId: who.clientId,
				staffId: f.sanne.id,
				startsAt: new Date('2026-02-01T09:00:00Z'),
				endsAt: new Date('2026-02-01T10:00:00Z'),
				kind: 'phone',
				purpose: `gesprek ${tag}`
			});
			await db
				.insert(schema.message)
				.values({ clientId: who.clientId, authorId: who.userId, fromClient: true, body: tag });
			await db.insert(schema.notification).values({
				userId: who.userId,
				channel: 'inbox',
				kind: 'x',
				payload: {},
				createdAt: new Date('2026-03-01T10:00:00Z')
			});
			await db.insert(schema.session).values({
				id: `s-${tag}`,
				secretHash: 'x',
				userId: who.userId,
				expiresAt: new Date('2026-03-01T11:00:00Z')
			});
			await db.insert(schema.idempotency).values({
				key: `${who.userId}:${tag}`,
				userId: who.userId,
				status: 200,
				createdAt: new Date('2026-03-01T11:00:00Z')
			});
			await db
				.insert(schema.auditEvent)
				.values({ actorId: who.userId, clientId: who.clientId, action: 'auth.sign_in' });
		}

		it('saves terms per gemeente with zod and an audit event; others keep the defaults', async () => {
			const { db } = database();
			f = await buildFixture(db);
			await expect(setTerms(db, f.lead.id, f.gemeenteId, { ...terms, plans: 0 })).rejects.toThrow();
			await expect(
				setTerms(db, f.lead.id, f.gemeenteId, { ...terms, plans: 3651 })
			).rejects.toThrow();
			expect(await setTerms(db, f.lead.id, f.gemeenteId, terms)).toEqual({ ok: true, changed: 9 });
			expect(await setTerms(db, f.lead.id, f.gemeenteId, terms)).toEqual({ ok: true, changed: 0 });
			const all = await termsByGemeente(db);
			expect(all.get(f.gemeenteId)).toEqual(terms);
			expect(all.get(f.otherGemeenteId)).toEqual(RETENTION_DEFAULTS);
			const events = await db
				.select()
				.from(schema.auditEvent)
				.where(eq(schema.auditEvent.action, 'retention.terms'));
			expect(events).toHaveLength(1);
			expect(events[0]!.detail).toMatchObject({
				gemeente: 'lindewaard',
				changed: { plans: [365, 10] }
			});

			left = f.maryam;
			stays = f.frans;
			otherGemeente = await f.addClient('Olga Brakeloo', f.ahmed.id, {
				gemeenteId: f.otherGemeenteId
			});
			for (const [who, tag] of [
				[left, 'left'],
				[stays, 'stays'],
				[otherGemeente, 'other']
			] as const)
				await giveData(db, who, tag);
			for (const who of [left, otherGemeente])
				await db.insert(schema.outflow).values({
					clientId: who.clientId,
					benefitStart: '2024-01-01',
					date: '2026-03-01',
					reason: 'werk'
				});
			// Besluiten (handhaving): a boete of 20 February, a maatregel running to 28 February.
			for (const who of [stays, otherGemeente])
				await db.insert(schema.handhaving).values([
					{
						clientId: who.clientId,
						kind: 'boete',
						decidedOn: '2026-02-20',
						countedInQuarter: '2026-Q1',
						amountCents: 5000,
						reason: 'boete'
					},
					{
						clientId: who.clientId,
						kind: 'maatregel',
						decidedOn: '2026-01-15',
						countedInQuarter: '2026-Q1',
						ground: 'arbeid',
						percentage: 100,
						periodStart: '2026-02-01',
						periodEnd: '2026-02-28',
						reason: 'maatregel'
					}
				]);
			await db.insert(schema.surveyOpenAnswer).values([
				{ gemeenteId: f.gemeenteId, quarter: '2025-Q4', language: 'nl', text: 'oud' },
				{ gemeenteId: f.gemeenteId, quarter: '2026-Q1', language: 'nl', text: 'nieuw' },
				{ gemeenteId: f.otherGemeenteId, quarter: '2025-Q4', language: 'nl', text: 'ander' }
			]);
		});

		const ofClient = (
			table: typeof schema.plan | typeof schema.appointment | typeof schema.message,
			who: () => { clientId: string }
		) => sql`${table.clientId} = ${who().clientId}`;

		it('sessions (2 days after expiry) and idempotency keys (3 days) go on the day after', async () => {
			const { db } = database();
			await runRetention(db, noon('2026-03-03'));
			expect(await count(db, schema.session, sql`${schema.session.id} = 's-stays'`)).toBe(1);
			await runRetention(db, noon('2026-03-04'));
			expect(await count(db, schema.session, sql`${schema.session.id} = 's-stays'`)).toBe(0);
			// The other gemeente keeps the default (30 days).
			expect(await count(db, schema.session, sql`${schema.session.id} = 's-other'`)).toBe(1);
			expect(
				await count(db, schema.idempotency, sql`${schema.idempotency.key} like '%:stays'`)
			).toBe(1);
			await runRetention(db, noon('2026-03-05'));
			expect(
				await count(db, schema.idempotency, sql`${schema.idempotency.key} like '%:stays'`)
			).toBe(0);
		});

		it('notifications after 5 days; open answers 10 days after their quarter', async () => {
			const { db } = database();
			const n = sql`${schema.notification.userId} = ${stays.userId}`;
			await runRetention(db, noon('2026-03-06'));
			expect(await count(db, schema.notification, n)).toBe(1);
			await runRetention(db, noon('2026-03-07'));
			expect(await count(db, schema.notification, n)).toBe(0);
			// 2025-Q4 ended 31 December: + 10 days is 10 January, long past.
			const texts = (await db.select().from(schema.surveyOpenAnswer)).map((a) => a.text).sort();
			expect(texts).toEqual(['ander', 'nieuw']);
		});

		it('plans, appointments and messages of a client who left: kept through outflow + 10, gone the day after', async () => {
			const { db } = database();
			const counts = async (who: () => { clientId: string }) => [
				await count(db, schema.plan, ofClient(schema.plan, who)),
				await count(db, schema.appointment, ofClient(schema.appointment, who)),
				await count(db, schema.message, ofClient(schema.message, who))
			];
			await runRetention(db, noon('2026-03-11'));
			expect(await counts(() => left)).toEqual([1, 1, 1]);
			const result = await runRetention(db, noon('2026-03-12'));
			expect(result).toMatchObject({ plans: 1, appointments: 1, messages: 1 });
			expect(await counts(() => left)).toEqual([0, 0, 0]);
			// Someone still on the benefit, and someone of a gemeente with longer terms, keep theirs.
			expect(await counts(() => stays)).toEqual([1, 1, 1]);
			expect(await counts(() => otherGemeente)).toEqual([1, 1, 1]);
			const [ev] = await db
				.select()
				.from(schema.auditEvent)
				.where(eq(schema.auditEvent.action, 'retention.run'))
				.orderBy(sql`${schema.auditEvent.at} desc`)
				.limit(1);
			expect(ev!.detail).toMatchObject({ day: '2026-03-12', plans: 1 });
		});

		it('besluiten (handhaving): kept 20 days after the besluit, a maatregel after its last day', async () => {
			const { db } = database();
			const reasons = async (who: { clientId: string }) =>
				(
					await db
						.select({ reason: schema.handhaving.reason })
						.from(schema.handhaving)
						.where(eq(schema.handhaving.clientId, who.clientId))
				)
					.map((r) => r.reason)
					.sort();
			// 20 February + 20 days is 12 March: kept that day (the run above), gone the day after.
			expect(await reasons(stays)).toEqual(['boete', 'maatregel']);
			expect(await runRetention(db, noon('2026-03-13'))).toMatchObject({ handhaving: 1 });
			expect(await reasons(stays)).toEqual(['maatregel']);
			// The maatregel ran to 28 February (decided 15 January): kept through 20 March.
			await runRetention(db, noon('2026-03-20'));
			expect(await reasons(stays)).toEqual(['maatregel']);
			await runRetention(db, noon('2026-03-21'));
			expect(await reasons(stays)).toEqual([]);
			// The other gemeente keeps the default.
			expect(await reasons(otherGemeente)).toEqual(['boete', 'maatregel']);
		});

		it('the client file: kept through outflow + 30, then removed and the person anonymised; audit stays', async () => {
			const { db } = database();
			const exists = () => count(db, schema.client, sql`${schema.client.id} = ${left.clientId}`);
			await runRetention(db, noon('2026-03-31'));
			expect(await exists()).toBe(1);
			const r = await runRetention(db, noon('2026-04-01'));
			expect(r.client_file).toBe(1);
			expect(await exists()).toBe(0);
			const [u] = await db.select().from(schema.user).where(eq(schema.user.id, left.userId));
			expect(u).toMatchObject({ displayName: '—', email: null, phone: null });
			expect(u!.disabledAt).not.toBeNull();
			// The sign-in event is still there, without the link to the removed client.
			const events = await db
				.select()
				.from(schema.auditEvent)
				.where(eq(schema.auditEvent.actorId, left.userId));
			expect(events).toHaveLength(1);
			expect(events[0]!.clientId).toBeNull();
			// The others are untouched.
			expect(await count(db, schema.client, sql`${schema.client.id} = ${stays.clientId}`)).toBe(1);
			expect(
				await count(db, schema.client, sql`${schema.client.id} = ${otherGemeente.clientId}`)
			).toBe(1);
			// A second run finds nothing more to do.
			expect(await runRetention(db, noon('2026-04-01'))).toEqual({});
		});
	}
);
