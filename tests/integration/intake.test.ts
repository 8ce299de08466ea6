import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { auditEvent, benefitPeriod, client, user } from '../../src/lib/server/db/schema';
import * as intake from '../../src/lib/server/intake/intake';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as activation from '../../src/lib/server/auth/activation-letter';
import { redeemActivationCode } from '../../src/lib/server/auth/activation';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { parseForm } from '../../src/lib/forms/form-data';

const NOW = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('intake of a new client by the klantmanager', (database) => {
	let f: Fixture;
	const form = (over: Record<string, string> = {}) =>
		intake.intakeSchema.parse({
			name: 'Noor  Visser',
			birthDate: '1990-04-12',
			clientNumber: 'SD-2026-0001',
			gemeenteId: f.gemeenteId,
			benefitStart: '2026-11-01',
			segment: 'werk',
			language: 'ar',
			statushouder: 'on',
			phone: '06 1234 5678',
			email: 'Noor@Example.org',
			klantmanagerId: f.sanne.id,
			...over
		});

	it('registers a client in the caseload, with a benefit period and an audit event', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await intake.registerClient(db, f.sanne, form(), NOW);
		expect(r.ok).toBe(true);
		const { clientId, userId } = r as { clientId: string; userId: string };
		const [row] = await db
			.select({
				number: client.clientNumber,
				statushouder: client.statushouder,
				segment: client.segment,
				km: client.klantmanagerId,
				name: user.displayName,
				language: user.language,
				email: user.email,
				roles: user.roles
			})
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(eq(client.id, clientId));
		expect(row).toEqual({
			number: 'SD-2026-0001',
			statushouder: true,
			segment: 'werk',
			km: f.sanne.id,
			name: 'Noor Visser',
			language: 'ar',
			email: 'noor@example.org',
			roles: ['client']
		});
		const list = await caseload.listCaseload(db, f.sanne);
		expect(list.map((c) => c.clientNumber)).toContain('SD-2026-0001');
		expect(
			await db.select().from(benefitPeriod).where(eq(benefitPeriod.clientId, clientId))
		).toMatchObject([{ start: '2026-11-01', source: 'intake' }]);
		const events = await db.select().from(auditEvent).where(eq(auditEvent.clientId, clientId));
		expect(events.map((e) => e.action)).toEqual(['client.create']);

		// The activation letter, then the client signs in with their client number.
		const letter = await activation.issueLetter(db, f.sanne, clientId, NOW);
		expect(letter).toMatchObject({ clientNumber: 'SD-2026-0001', language: 'ar' });
		const redeemed = await redeemActivationCode(db, {
			code: letter!.code,
			password: 'een lang wachtwoord',
			now: NOW
		});
		expect(redeemed).toMatchObject({ ok: true, userId });
		const signedIn = await signInWithPassword(db, {
			identifier: 'SD-2026-0001',
			password: 'een lang wachtwoord',
			address: '192.0.2.1'
		});
		expect(signedIn).toEqual({ ok: true, userId });
	});

	it('refuses the same client number, in any letter case, and writes nothing', async () => {
		const { db } = database();
		const before = await db.select({ id: client.id }).from(client);
		const r = await intake.registerClient(
			db,
			f.sanne,
			form({ clientNumber: 'sd-2026-0001', name: 'Iemand Anders', email: '' }),
			NOW
		);
		expect(r).toEqual({ ok: false, field: 'clientNumber', error: 'duplicate_number' });
		expect(await db.select({ id: client.id }).from(client)).toHaveLength(before.length);
	});

	it('warns about the same name and birth date in the gemeente, and goes on when told it is another person', async () => {
		const { db } = database();
		const again = form({ clientNumber: 'SD-2026-0002', name: 'noor visser', email: '' });
		expect(await intake.registerClient(db, f.sanne, again, NOW)).toEqual({
			ok: false,
			field: 'otherPerson',
			error: 'possible_duplicate',
			clientNumber: 'SD-2026-0001'
		});
		// In another gemeente it is no duplicate.
		const elsewhere = await intake.registerClient(
			db,
			f.sanne,
			form({ clientNumber: 'SD-2026-0003', email: '', gemeenteId: f.otherGemeenteId }),
			NOW
		);
		expect(elsewhere.ok).toBe(true);
		const confirmed = await intake.registerClient(
			db,
			f.sanne,
			{ ...again, otherPerson: true },
			NOW
		);
		expect(confirmed.ok).toBe(true);
	});

	it("refuses a klantmanager outside one's own team, a taken e-mail and impossible dates", async () => {
		const { db } = database();
		const go = (over: Record<string, string>) =>
			intake.registerClient(db, f.sanne, form({ clientNumber: 'SD-2026-0009', ...over }), NOW);
		expect(await go({ klantmanagerId: f.ahmed.id, email: '' })).toMatchObject({
			field: 'klantmanagerId',
			error: 'unknown_klantmanager'
		});
		expect(await go({ name: 'Ander', email: 'NOOR@example.org' })).toMatchObject({
			field: 'email',
			error: 'email_taken'
		});
		expect(await go({ birthDate: '2027-01-01', email: '' })).toMatchObject({
			field: 'birthDate'
		});
		expect(await go({ benefitStart: '1980-01-01', email: '' })).toMatchObject({
			field: 'benefitStart'
		});
		const [none] = await db.select().from(client).where(eq(client.clientNumber, 'SD-2026-0009'));
		expect(none).toBeUndefined();
		// A team lead registers for a member of the team.
		const byLead = await intake.registerClient(
			db,
			f.lead,
			form({ clientNumber: 'SD-2026-0010', name: 'Bram Kok', email: '' }),
			NOW
		);
		expect(byLead.ok).toBe(true);
	});

	it('refuses a klantmanager who works only for another gemeente, and writes nothing', async () => {
		const { db } = database();
		// Sanne works for Brakeloo only (user.gemeente_ids); the client is Lindewaard's.
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(user.id, f.sanne.id));
		const r = await intake.registerClient(
			db,
			f.lead,
			form({ clientNumber: 'SD-2026-0020', name: 'Eva Smit', email: '' }),
			NOW
		);
		expect(r).toEqual({ ok: false, field: 'klantmanagerId', error: 'klantmanager_gemeente' });
		expect(await db.select().from(client).where(eq(client.clientNumber, 'SD-2026-0020'))).toEqual(
			[]
		);
		// For a Brakeloo client she is the right one.
		const brakeloo = await intake.registerClient(
			db,
			f.lead,
			form({
				clientNumber: 'SD-2026-0021',
				name: 'Eva Smit',
				email: '',
				gemeenteId: f.otherGemeenteId,
				language: 'nl'
			}),
			NOW
		);
		expect(brakeloo.ok).toBe(true);
		await db.update(user).set({ gemeenteIds: [] }).where(eq(user.id, f.sanne.id));
	});

	it('offers per gemeente only the klantmanagers who work for it (none ticked: every gemeente)', async () => {
		const { db } = database();
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(user.id, f.sanne.id));
		const choices = await intake.intakeChoices(db, f.lead);
		const offered = (gemeenteId: string) =>
			choices.gemeenten.find((g) => g.id === gemeenteId)!.klantmanagerIds;
		// Sanne works for Brakeloo only: not offered for a Lindewaard client, where the server
		// would refuse her; the lead (no gemeente ticked) is offered for both.
		expect(offered(f.gemeenteId)).not.toContain(f.sanne.id);
		expect(offered(f.otherGemeenteId)).toContain(f.sanne.id);
		expect(offered(f.gemeenteId)).toContain(f.lead.id);
		expect(offered(f.otherGemeenteId)).toContain(f.lead.id);
		// Everyone offered for a gemeente is accepted by the server for it.
		for (const g of choices.gemeenten)
			for (const [i, kmId] of g.klantmanagerIds.entries()) {
				const r = await intake.registerClient(
					db,
					f.lead,
					form({
						clientNumber: `SD-2026-03${i}${g.id.slice(0, 4)}`,
						name: `Offered ${i} ${g.id}`,
						email: '',
						gemeenteId: g.id,
						language: 'nl',
						klantmanagerId: kmId
					}),
					NOW
				);
				expect(r.ok).toBe(true);
			}
		await db.update(user).set({ gemeenteIds: [] }).where(eq(user.id, f.sanne.id));
	});

	it('a gemeente nobody on the list works for: the refusal says so, also for an empty list', async () => {
		const { db } = database();
		// Sanne (no team to lead: only herself on her list) works for Brakeloo only.
		await db
			.update(user)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(user.id, f.sanne.id));
		const before = await db.select({ id: client.id }).from(client);
		// Chosen anyway (without JavaScript the list shows every gemeente's klantmanagers).
		const r = await intake.registerClient(
			db,
			f.sanne,
			form({ clientNumber: 'SD-2026-0040', name: 'Ilse Bos', email: '' }),
			NOW
		);
		expect(r).toEqual({ ok: false, field: 'klantmanagerId', error: 'no_klantmanager' });
		// The list was empty, so nothing was sent for the klantmanager: said the same way.
		const empty = new FormData();
		for (const [k, v] of Object.entries({
			name: 'Ilse Bos',
			birthDate: '1990-04-12',
			clientNumber: 'SD-2026-0040',
			gemeenteId: f.gemeenteId,
			benefitStart: '2026-11-01',
			segment: '',
			language: 'nl'
		}))
			empty.set(k, v);
		const parsed = parseForm(intake.intakeSchema, empty);
		expect(parsed.ok).toBe(false);
		const { errors, values } = parsed as Extract<typeof parsed, { ok: false }>;
		expect(errors.klantmanagerId).toEqual({ key: 'errors.required' });
		expect((await intake.explainIntakeErrors(db, f.sanne, errors, values)).klantmanagerId).toEqual({
			key: 'intake.errors.no_klantmanager'
		});
		// For Brakeloo she is on the list: an empty choice there is just not filled in.
		const brakeloo = parseForm(
			intake.intakeSchema,
			(() => {
				const d = new FormData();
				for (const [k, v] of empty) d.set(k, v);
				d.set('gemeenteId', f.otherGemeenteId);
				return d;
			})()
		) as Extract<ReturnType<typeof parseForm>, { ok: false }>;
		expect(
			(await intake.explainIntakeErrors(db, f.sanne, brakeloo.errors, brakeloo.values))
				.klantmanagerId
		).toEqual({ key: 'errors.required' });
		// Another klantmanager who does work for Lindewaard is on the lead's list: then it is the
		// choice that does not fit, as before.
		expect(
			await intake.registerClient(
				db,
				f.lead,
				form({ clientNumber: 'SD-2026-0041', name: 'Ilse Bos', email: '' }),
				NOW
			)
		).toEqual({ ok: false, field: 'klantmanagerId', error: 'klantmanager_gemeente' });
		expect(await db.select({ id: client.id }).from(client)).toHaveLength(before.length);
		await db.update(user).set({ gemeenteIds: [] }).where(eq(user.id, f.sanne.id));
	});

	it('names the field for bad form input', () => {
		const r = intake.intakeSchema.safeParse({
			name: '',
			birthDate: '12-04-1990x',
			clientNumber: '=HYPERLINK("x")',
			gemeenteId: 'nope',
			benefitStart: '',
			segment: 'x',
			language: 'xx',
			phone: 'bel me',
			email: 'geen-mail',
			klantmanagerId: ''
		});
		expect(r.success).toBe(false);
		const fields = new Set(r.error!.issues.map((i) => String(i.path[0])));
		for (const f of [
			'name',
			'birthDate',
			'clientNumber',
			'gemeenteId',
			'benefitStart',
			'segment',
			'language',
			'phone',
			'email',
			'klantmanagerId'
		])
			expect(fields).toContain(f);
	});
});
