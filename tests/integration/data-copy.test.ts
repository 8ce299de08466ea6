import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import * as schema from '../../src/lib/server/db/schema';
import {
	COVERAGE,
	dataCopy,
	DATA_GROUPS,
	staffDataCopy
} from '../../src/lib/server/client/data-copy';
import { AccessDenied } from '../../src/lib/server/caseload/caseload';

/** The tables whose rows belong to a client: the client, the person, a plan, an appointment. */
const OWNED = new Set(['client', 'user', 'plan', 'appointment']);

/** Every "table.column" of the schema with a foreign key to an owned table. */
function personColumns(): string[] {
	const out: string[] = [];
	for (const value of Object.values(schema)) {
		if (!(value instanceof PgTable)) continue;
		const config = getTableConfig(value);
		for (const fk of config.foreignKeys) {
			const ref = fk.reference();
			const target = getTableConfig(ref.foreignTable).name;
			if (!OWNED.has(target)) continue;
			for (const col of ref.columns) out.push(`${config.name}.${col.name}`);
		}
	}
	return out.sort();
}

it('every column that points to a client, person, plan or appointment is covered by the copy', () => {
	const columns = personColumns();
	expect(columns.length).toBeGreaterThan(30);
	const missing = columns.filter((c) => !(c in COVERAGE));
	// A new table with such a column must be added to the copy (or say why not) in data-copy.ts.
	expect(missing).toEqual([]);
	// And nothing listed that is not in the schema any more.
	expect(Object.keys(COVERAGE).filter((c) => !columns.includes(c))).toEqual([]);
});

describeEachDatabase("a client's own copy of their data", (database) => {
	let f: Fixture;

	it("holds every covered table's rows for that client and nothing of another client", async () => {
		const { db } = database();
		f = await buildFixture(db);
		const a = f.maryam;
		const b = f.frans;
		// The same kinds of rows for both clients, each with a text that names its owner.
		for (const [who, tag] of [
			[a, 'MARYAM'],
			[b, 'FRANS']
		] as const) {
			const [p] = await db
				.insert(schema.plan)
				.values({ clientId: who.clientId, goal: `doel ${tag}`, status: 'shared' })
				.returning();
			await db.insert(schema.planStep).values({
				planId: p!.id,
				position: 1,
				title: `stap ${tag}`,
				owner: 'client'
			});
			await db.insert(schema.planVersion).values({
				planId: p!.id,
				version: 1,
				goal: `doel ${tag}`,
				steps: [],
				sharedAt: new Date()
			});
			await db
				.insert(schema.planAgreement)
				.values({ planId: p!.id, version: 1, userId: who.userId });
			await db
				.insert(schema.planDraft)
				.values({ planId: p!.id, goal: `concept ${tag}`, steps: [] });
			const [ap] = await db
				.insert(schema.appointment)
				.values({
					clientId: who.clientId,
					staffId: f.sanne.id,
					startsAt: new Date('2026-12-01T09:00:00Z'),
					endsAt: new Date('2026-12-01T10:00:00Z'),
					kind: 'phone',
					purpose: `gesprek ${tag}`
				})
				.returning();
			await db
				.insert(schema.appointmentReminder)
				.values({ appointmentId: ap!.id, startsAt: ap!.startsAt });
			await db.insert(schema.clientRequest).values({
				clientId: who.clientId,
				kind: 'appointment_change',
				appointmentId: ap!.id,
				message: `verzet ${tag}`
			});
			await db.insert(schema.message).values({
				clientId: who.clientId,
				authorId: who.userId,
				fromClient: true,
				body: `bericht ${tag}`
			});
			await db.insert(schema.notification).values({
				userId: who.userId,
				channel: 'inbox',
				kind: 'x',
				payload: { text: `melding ${tag}` }
			});
			await db
				.insert(schema.ladderStep)
				.values({ clientId: who.clientId, step: 2, recordedAt: '2026-01-01' });
			await db.insert(schema.instrumentUse).values({
				clientId: who.clientId,
				instrumentId: await f.instrumentId('taalmaatje'),
				startDate: '2026-01-01',
				provider: `aanbieder ${tag}`
			});
			await db.insert(schema.outflow).values({
				clientId: who.clientId,
				benefitStart: '2024-01-01',
				date: '2026-03-01',
				reason: 'werk'
			});
			await db
				.insert(schema.benefitPeriod)
				.values({ clientId: who.clientId, start: '2024-01-01', source: 'intake' });
			await db.insert(schema.handhaving).values({
				clientId: who.clientId,
				kind: 'boete',
				decidedOn: '2026-02-01',
				countedInQuarter: '2026-Q1',
				amountCents: 15_000,
				reason: `besluit ${tag}`,
				createdBy: f.sanne.id
			});
			const [survey] = await db
				.insert(schema.survey)
				.values({ trigger: 'periodic', version: tag === 'MARYAM' ? 1 : 2, items: [] })
				.returning();
			await db.insert(schema.surveyInvitation).values({
				clientId: who.clientId,
				surveyId: survey!.id,
				trigger: 'periodic',
				dueAt: new Date()
			});
			await db.insert(schema.authIdentity).values({
				userId: who.userId,
				provider: 'password',
				subject: `login-${tag}`,
				passwordHash: `HASH-${tag}`
			});
			await db.insert(schema.session).values({
				id: `sess-${tag}`,
				secretHash: `SECRET-${tag}`,
				userId: who.userId,
				expiresAt: new Date(Date.now() + 3600_000)
			});
			await db.insert(schema.activationCode).values({
				userId: who.userId,
				codeHash: `CODE-${tag}`,
				expiresAt: new Date(Date.now() + 3600_000)
			});
			await db
				.insert(schema.idempotency)
				.values({ key: `${who.userId}:k-${tag}`, userId: who.userId, status: 200 });
			await db.insert(schema.document).values({
				clientId: who.clientId,
				uploadKey: `upload-${tag}`,
				mime: 'application/pdf',
				size: 4,
				name: `loonstrook ${tag}.pdf`,
				sealed: Buffer.from(`SEALED-${tag}`)
			});
			await db.insert(schema.pushSubscription).values({
				userId: who.userId,
				endpoint: `https://push.example/PUSH-${tag}`,
				p256dh: 'p',
				auth: 'a'
			});
			await db.insert(schema.auditEvent).values({
				actorId: who.userId,
				clientId: who.clientId,
				action: 'auth.sign_in',
				detail: { note: `audit ${tag}` }
			});
		}
		const copy = await dataCopy(db, a.clientId, { actorId: a.userId });
		const text = JSON.stringify(copy);
		// No trace of the other client: their ids, their texts, their login.
		expect(text).not.toContain('FRANS');
		expect(text).not.toContain(b.clientId);
		expect(text).not.toContain(b.userId);
		// No secrets, not even the client's own.
		for (const secret of [
			'HASH-MARYAM',
			'SECRET-MARYAM',
			'CODE-MARYAM',
			'sess-MARYAM',
			'PUSH-MARYAM',
			'SEALED-MARYAM'
		])
			expect(text).not.toContain(secret);
		// Every table the coverage says is copied is in the copy and holds this client's row.
		const tables = new Set(
			Object.entries(COVERAGE)
				.filter(([, v]) => v === 'copy')
				.map(([k]) => k.split('.')[0]!)
		);
		const inCopy = new Map(
			DATA_GROUPS.flatMap((g) => Object.entries(copy!.groups[g])).map(([t, rows]) => [t, rows])
		);
		for (const t of tables) {
			expect(inCopy.has(t), t).toBe(true);
			expect(inCopy.get(t)!.length, t).toBeGreaterThan(0);
		}
		for (const tag of [
			'doel',
			'stap',
			'concept',
			'gesprek',
			'verzet',
			'bericht',
			'melding',
			'aanbieder',
			'login',
			'audit',
			'loonstrook',
			'besluit'
		])
			expect(text).toContain(`${tag} MARYAM`.replace('login ', 'login-'));
		const [ev] = await db
			.select()
			.from(schema.auditEvent)
			.where(eq(schema.auditEvent.action, 'client.export'));
		expect(ev).toMatchObject({ clientId: a.clientId, actorId: a.userId });
	});

	it('a klantmanager makes the same copy for a written request of a client in their caseload, audited', async () => {
		const { db } = database();
		const own = await dataCopy(db, f.maryam.clientId, { actorId: f.maryam.userId });
		const copy = await staffDataCopy(db, f.sanne, f.maryam.clientId);
		// The same tables and rows as the client's own (made a moment later: one more audit row).
		for (const g of DATA_GROUPS)
			for (const [table, rows] of Object.entries(own!.groups[g]))
				if (table !== 'audit_event') expect(copy!.groups[g][table], table).toEqual(rows);
		expect(JSON.stringify(copy)).not.toContain('FRANS');
		const events = await db
			.select()
			.from(schema.auditEvent)
			.where(eq(schema.auditEvent.actorId, f.sanne.id));
		expect(events.map((e) => [e.action, e.clientId, e.detail])).toEqual([
			['client.export', f.maryam.clientId, { request: 'written' }]
		]);
	});

	it('another team is refused and audited; an admin may make it for any client', async () => {
		const { db } = database();
		await expect(staffDataCopy(db, f.ahmed, f.maryam.clientId)).rejects.toBeInstanceOf(
			AccessDenied
		);
		const byAhmed = await db
			.select()
			.from(schema.auditEvent)
			.where(eq(schema.auditEvent.actorId, f.ahmed.id));
		expect(byAhmed.map((e) => e.action)).toEqual(['client.denied']);
		const [admin] = await db
			.insert(schema.user)
			.values({ displayName: 'Beheerder', roles: ['admin'], email: 'beheer@x.example' })
			.returning();
		const copy = await staffDataCopy(db, { id: admin!.id, roles: ['admin'] }, f.frans.clientId);
		expect(copy!.groups.person.client).toEqual([expect.objectContaining({ id: f.frans.clientId })]);
		expect(JSON.stringify(copy)).not.toContain('MARYAM');
		// A client or reporter is not staff for this, whatever id they name.
		await expect(
			staffDataCopy(db, { id: f.frans.userId, roles: ['client'] }, f.frans.clientId)
		).rejects.toBeInstanceOf(AccessDenied);
		expect(
			await staffDataCopy(db, { id: admin!.id, roles: ['admin'] }, crypto.randomUUID())
		).toBeNull();
	});
});
