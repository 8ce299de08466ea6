import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/integration/databases';
import { verifyPassword } from '../auth/password';
import {
	appointment,
	authIdentity,
	client,
	instrument,
	instrumentText,
	gemeente,
	plan,
	planStep,
	surveyInvitation,
	team,
	user
} from '../db/schema';
import { bodySections, INSTRUMENT_HEADINGS, loadInstrumentCatalogue } from './catalogue';
import { seedDemo } from './demo';
import { headingsFor, translatedLanguages } from './content-files';
import { invitationPairsTooClose } from './generate/invitation-spacing';

const PERSONAS = ['lieke', 'frans', 'lars', 'tim', 'maryam'];
const STAFF = ['klantmanager', 'klantmanager2', 'teamlead', 'reporter', 'admin'];
/** Demo clients reserved for the browser specs that change them (km.spec.ts, survey.spec.ts). */
const SPEC_CLIENTS = ['dalia', 'wilma', 'hala', 'noor'];
const now = new Date('2026-05-13T08:00:00Z');

function ageOn(birth: string, on: Date): number {
	const b = new Date(`${birth}T00:00:00Z`);
	let age = on.getUTCFullYear() - b.getUTCFullYear();
	const m = on.getUTCMonth() - b.getUTCMonth();
	if (m < 0 || (m === 0 && on.getUTCDate() < b.getUTCDate())) age--;
	return age;
}

it('has a valid instrument catalogue with the five headings', () => {
	const entries = loadInstrumentCatalogue();
	expect(entries.length).toBeGreaterThanOrEqual(22);
	for (const e of entries) {
		expect(bodySections(e.texts.nl.body).map((s) => s.heading)).toEqual([...INSTRUMENT_HEADINGS]);
	}
	expect(entries.find((e) => e.code === 'jongerentraining')?.maxAge).toBe(26);
	expect(entries.filter((e) => e.forStatushouders).map((e) => e.code)).toEqual(
		expect.arrayContaining(['inburgering', 'maatschappelijke-begeleiding'])
	);
});

it.each(translatedLanguages())('%s: every instrument is translated, with its headings', (lang) => {
	const entries = loadInstrumentCatalogue();
	const headings = headingsFor(lang).instrument;
	expect(entries.filter((e) => !e.texts[lang]).map((e) => e.code)).toEqual([]);
	for (const e of entries)
		expect(bodySections(e.texts[lang]!.body).map((s) => s.heading)).toEqual([...headings]);
});

describeEachDatabase('seedDemo', (get) => {
	const counts = async () => {
		const { db } = get();
		const tables = { gemeente, user, client, plan, planStep, appointment, instrument, team };
		const out: Record<string, number> = {};
		for (const [name, table] of Object.entries(tables)) {
			const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
			out[name] = row!.n;
		}
		return out;
	};

	it('creates three gemeenten, staff and the five personas', async () => {
		const { db } = get();
		expect(await seedDemo(db, { now })).toBe(true);

		const munis = await db.select().from(gemeente);
		expect(munis.map((m) => m.code).sort()).toEqual(['brakeloo', 'lindewaard', 'oosterveld']);
		// Each gemeente offers the languages its caseload reads; Dutch and English everywhere.
		const languages = Object.fromEntries(munis.map((m) => [m.code, m.languages]));
		expect(languages.lindewaard).toHaveLength(9);
		expect(languages.brakeloo).toEqual(['nl', 'en', 'ar', 'ti', 'tr', 'so']);
		for (const m of munis) expect(m.languages).toEqual(expect.arrayContaining(['nl', 'en']));

		const demoUsers = await db.select().from(user).where(isNotNull(user.demoKey));
		expect(demoUsers.map((u) => u.demoKey).sort()).toEqual(
			[...PERSONAS, ...SPEC_CLIENTS, ...STAFF].sort()
		);

		const personas = await db
			.select({ key: user.demoKey, language: user.language, roles: user.roles, c: client })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.where(inArray(user.demoKey, PERSONAS));
		const byKey = new Map(personas.map((p) => [p.key!, p]));
		const ages = { lieke: 34, frans: 59, lars: 25, tim: 21, maryam: 28 };
		for (const [key, age] of Object.entries(ages)) {
			expect(ageOn(byKey.get(key)!.c.birthDate, now), key).toBe(age);
			expect(byKey.get(key)!.roles).toEqual(['client']);
		}
		expect(byKey.get('maryam')!.language).toBe('ar');
		expect(byKey.get('maryam')!.c.statushouder).toBe(true);
		expect(byKey.get('lieke')!.c.exemptionReason).toBeTruthy();
		expect(byKey.get('lieke')!.c.exemptionReviewDate! > now.toISOString().slice(0, 10)).toBe(true);
		expect(byKey.get('frans')!.c.applicationsPerWeek).toBe(2);
		expect(byKey.get('lars')!.c.agreedHoursPerWeek).toBe(28);

		// Every persona and staff member can sign in with the demo password.
		const identities = await db
			.select({ key: user.demoKey, subject: authIdentity.subject, hash: authIdentity.passwordHash })
			.from(authIdentity)
			.innerJoin(user, eq(user.id, authIdentity.userId))
			.where(and(isNotNull(user.demoKey), eq(authIdentity.provider, 'password')));
		expect(identities.map((i) => i.key).sort()).toEqual(
			[...PERSONAS, ...SPEC_CLIENTS, ...STAFF].sort()
		);
		for (const p of personas) {
			expect(identities.find((i) => i.key === p.key)!.subject).toBe(p.c.clientNumber.toLowerCase());
		}
		expect(identities.find((i) => i.key === 'klantmanager')!.subject).toBe(
			'sanne.devries@wegwijs.example'
		);
		expect(await verifyPassword(identities[0]!.hash!, 'wegwijs-demo')).toBe(true);

		// Team lead leads team A, where Sanne also works.
		const staff = new Map(demoUsers.map((u) => [u.demoKey!, u]));
		const [teamA] = await db
			.select()
			.from(team)
			.where(eq(team.leadUserId, staff.get('teamlead')!.id));
		expect(teamA).toBeDefined();
		expect(staff.get('klantmanager')!.teamId).toBe(teamA!.id);
		expect(staff.get('klantmanager2')!.teamId).not.toBe(teamA!.id);
		expect(staff.get('reporter')!.roles).toEqual(['reporter']);
		expect(staff.get('admin')!.roles).toEqual(['admin']);
	});

	it('gives each klantmanager a separate caseload', async () => {
		const { db } = get();
		const staff = await db
			.select()
			.from(user)
			.where(inArray(user.demoKey, ['klantmanager', 'klantmanager2']));
		const sanne = staff.find((s) => s.demoKey === 'klantmanager')!;
		const ahmed = staff.find((s) => s.demoKey === 'klantmanager2')!;
		const rows = await db
			.select({
				id: client.id,
				km: client.klantmanagerId,
				key: user.demoKey,
				muni: client.gemeenteId
			})
			.from(client)
			.innerJoin(user, eq(user.id, client.userId));
		const of = (id: string) => new Set(rows.filter((r) => r.km === id).map((r) => r.id));
		const a = of(sanne.id);
		const b = of(ahmed.id);
		expect(a.size).toBeGreaterThan(15);
		expect(b.size).toBeGreaterThan(15);
		expect([...a].filter((id) => b.has(id))).toEqual([]);
		const kmOf = (key: string) => rows.find((r) => r.key === key)!.km;
		for (const key of ['maryam', 'lieke', 'tim', 'dalia', 'wilma'])
			expect(kmOf(key)).toBe(sanne.id);
		for (const key of ['frans', 'lars']) expect(kmOf(key)).toBe(ahmed.id);
		expect(rows.length).toBeGreaterThanOrEqual(45);
		expect(new Set(rows.map((r) => r.muni)).size).toBe(3);
	});

	it('shares Maryam’s plan without agreement, and gives Lars an overdue step', async () => {
		const { db } = get();
		const plans = await db
			.select({ key: user.demoKey, p: plan })
			.from(plan)
			.innerJoin(client, eq(client.id, plan.clientId))
			.innerJoin(user, eq(user.id, client.userId))
			.where(inArray(user.demoKey, PERSONAS));
		const maryam = plans.find((p) => p.key === 'maryam')!.p;
		expect(maryam.status).toBe('shared');
		expect(maryam.version).toBe(1);
		expect(maryam.sharedAt).not.toBeNull();
		expect(maryam.agreedAt).toBeNull();
		expect(maryam.agreedVersion).toBeNull();

		const lars = plans.find((p) => p.key === 'lars')!.p;
		const steps = await db.select().from(planStep).where(eq(planStep.planId, lars.id));
		const today = now.toISOString().slice(0, 10);
		expect(
			steps.some((s) => s.owner === 'client' && s.status === 'todo' && s.dueDate! < today)
		).toBe(true);
		for (const p of plans) {
			const n = await db.select().from(planStep).where(eq(planStep.planId, p.p.id));
			expect(n.length).toBeGreaterThanOrEqual(4);
			expect(n.length).toBeLessThanOrEqual(7);
		}
	});

	it('reserves Dalia and Wilma for km.spec.ts, Hala for survey.spec.ts, Noor for handhaving.spec.ts', async () => {
		const { db } = get();
		const rows = await db
			.select({ key: user.demoKey, language: user.language, email: user.email, p: plan, c: client })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.innerJoin(plan, eq(plan.clientId, client.id))
			.where(inArray(user.demoKey, SPEC_CLIENTS));
		const dalia = rows.find((r) => r.key === 'dalia')!;
		expect(dalia.language).toBe('ar');
		expect(dalia.p.status).toBe('shared');
		expect(dalia.p.agreedAt).toBeNull();
		const planned = await db
			.select()
			.from(appointment)
			.where(and(eq(appointment.clientId, dalia.c.id), eq(appointment.status, 'planned')));
		expect(planned.length).toBeGreaterThan(0);
		expect(rows.find((r) => r.key === 'wilma')!.email).toBe('wilma.oosterhof@example.org');
		// Hala (survey.spec.ts) and Maryam (the security specs) each have one open invitation.
		for (const key of ['hala', 'maryam']) {
			const open = await db
				.select({ id: surveyInvitation.id })
				.from(surveyInvitation)
				.innerJoin(client, eq(client.id, surveyInvitation.clientId))
				.innerJoin(user, eq(user.id, client.userId))
				.where(
					and(
						eq(user.demoKey, key),
						sql`${surveyInvitation.answeredAt} is null and ${surveyInvitation.dueAt} > ${now.toISOString()}`
					)
				);
			expect(open, key).toHaveLength(1);
		}
		expect(rows.find((r) => r.key === 'hala')!.language).toBe('ar');
		// Their client numbers come after every generated client's, so those keep theirs.
		for (const r of rows) expect(Number(r.c.clientNumber.slice(3))).toBeGreaterThan(100_245);
	});

	it('never invites a client again within 30 days (MIN_DAYS_BETWEEN)', async () => {
		const { db } = get();
		expect(await invitationPairsTooClose(db)).toBe(0);
	});

	it('plans an upcoming appointment for every persona within two weeks', async () => {
		const { db } = get();
		const rows = await db
			.select({ key: user.demoKey, a: appointment })
			.from(appointment)
			.innerJoin(client, eq(client.id, appointment.clientId))
			.innerJoin(user, eq(user.id, client.userId))
			.where(inArray(user.demoKey, PERSONAS));
		for (const key of PERSONAS) {
			const upcoming = rows.filter((r) => r.key === key && r.a.status === 'planned');
			expect(upcoming.length, key).toBeGreaterThan(0);
			for (const u of upcoming) {
				const days = (u.a.startsAt.getTime() - now.getTime()) / 86_400_000;
				expect(days).toBeGreaterThan(2);
				expect(days).toBeLessThan(15);
			}
			expect(
				rows.some((r) => r.key === key && r.a.status === 'held'),
				key
			).toBe(true);
		}
		const kinds = new Set(rows.map((r) => r.a.kind));
		expect([...kinds].sort()).toEqual(['in_person', 'phone', 'video']);
		expect(
			rows
				.filter((r) => r.a.kind === 'video')
				.every((r) => r.a.videoUrl?.startsWith('https://video.wegwijs.example/'))
		).toBe(true);
	});

	it('seeds instruments with Dutch texts, concept until a redacteur checks them', async () => {
		const { db } = get();
		const texts = await db.select().from(instrumentText);
		const instruments = await db.select().from(instrument);
		expect(instruments.length).toBe(loadInstrumentCatalogue().length);
		expect(texts.filter((t) => t.language === 'nl' && t.status === 'concept').length).toBe(
			instruments.length
		);
		expect(texts.filter((t) => t.status === 'checked')).toEqual([]);
	});

	it('does nothing the second time', async () => {
		const { db } = get();
		const before = await counts();
		expect(await seedDemo(db, { now })).toBe(false);
		expect(await counts()).toEqual(before);
	});
});
