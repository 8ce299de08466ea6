import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { describeEachDatabase } from './databases';
import type { Db } from '../../src/lib/server/db/open';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, surveyInvitation, user } from '../../src/lib/server/db/schema';
import { invite } from '../../src/lib/server/surveys/surveys';
import { appointmentsOfClient } from '../../src/lib/server/appointments/appointment-view';
import { PAGE_SCHEMAS, type PageSchemaName } from '../../src/lib/offline/schemas';
import { load as layoutLoad } from '../../src/routes/+layout.server';
import { load as homeLoad } from '../../src/routes/(client)/+page.server';
import { load as planLoad } from '../../src/routes/(client)/plan/+page.server';
import { load as appointmentsLoad } from '../../src/routes/(client)/afspraken/+page.server';
import { load as appointmentLoad } from '../../src/routes/(client)/afspraken/[id=uuid]/+page.server';
import { load as surveyLoad } from '../../src/routes/(client)/vragenlijst/[id=uuid]/+page.server';
import { load as topicsLoad } from '../../src/routes/(client)/uitleg/+page.server';

// The offline copy of a client page is checked with its schema in src/lib/offline/schemas.ts
// before it is shown. zod drops keys a schema does not name, so a field added to (or renamed
// in) a load would silently vanish offline. This runs every client page's real load and
// requires the schema to give back exactly what the server sent.

/** A demo client as the hook would put them on `locals`. */
async function localsOf(db: Db, demoKey: string) {
	const [row] = await db
		.select({ user, client })
		.from(user)
		.innerJoin(client, eq(client.userId, user.id))
		.where(eq(user.demoKey, demoKey));
	const u = row!.user;
	return {
		db,
		lang: 'nl' as const,
		languages: ['nl', 'ar'],
		t: (key: string) => key,
		user: {
			id: u.id,
			displayName: u.displayName,
			email: u.email,
			roles: u.roles,
			language: u.language,
			teamId: u.teamId,
			preferences: u.preferences,
			gemeenteLanguages: null
		},
		client: row!.client,
		session: null
	};
}

type Load = (event: never) => unknown;
async function run(load: Load, locals: object, params: Record<string, string> = {}) {
	const url = new URL('http://localhost/');
	return (await load({ locals, url, params } as never)) as Record<string, unknown>;
}

function expectKeptWhole(name: PageSchemaName, data: Record<string, unknown>) {
	const schema: z.ZodType = PAGE_SCHEMAS[name];
	const parsed = schema.safeParse(data);
	expect(parsed.error?.issues ?? [], `${name}: the offline schema refuses the page data`).toEqual(
		[]
	);
	expect(parsed.data, `${name}: a field of the page data is not in the offline schema`).toEqual(
		data
	);
}

describeEachDatabase('offline copies keep every field of the client pages', (database) => {
	it('home, plan, appointments, one appointment, a survey, the layout: field for field', async () => {
		const { db } = database();
		await seedDemo(db);
		// Maryam has a shared plan waiting for her agreement; Lars has appointments.
		const seen = { plans: 0, appointments: 0, surveys: 0 };
		for (const who of ['maryam', 'lars']) {
			const locals = await localsOf(db, who);
			await invite(db, { clientId: locals.client.id, trigger: 'periodic' });
			expectKeptWhole('layout', await run(layoutLoad as Load, locals));
			const home = await run(homeLoad as Load, locals);
			expectKeptWhole('home', home);
			const plan = await run(planLoad as Load, locals);
			expectKeptWhole('plan', plan);
			if (plan.plan) seen.plans++;
			expectKeptWhole('appointments', await run(appointmentsLoad as Load, locals));
			const { upcoming, past } = await appointmentsOfClient(db, locals.client.id);
			for (const a of [...upcoming, ...past].slice(0, 3)) {
				expectKeptWhole('appointment', await run(appointmentLoad as Load, locals, { id: a.id }));
				seen.appointments++;
			}
			const [inv] = await db
				.select({ id: surveyInvitation.id })
				.from(surveyInvitation)
				.where(eq(surveyInvitation.clientId, locals.client.id));
			if (inv) {
				expectKeptWhole('survey', await run(surveyLoad as Load, locals, { id: inv.id }));
				seen.surveys++;
			}
		}
		// The demo data filled what is checked: plans with steps, appointments, open surveys.
		expect(seen.plans).toBeGreaterThan(0);
		expect(seen.appointments).toBeGreaterThan(0);
		expect(seen.surveys).toBe(2);
	});

	it('the rights-and-duties page keeps what applies to the client, their besluiten too', async () => {
		const { db } = database();
		// Frans has a maatregel in the demo data (issue #13 §7); Lieke has an exemption.
		for (const who of ['frans', 'lieke']) {
			const data = await run(topicsLoad as Load, await localsOf(db, who));
			expectKeptWhole('explain', data);
			if (who === 'frans') expect((data.handhaving as unknown[]).length).toBeGreaterThan(0);
		}
	});

	it('the check would notice a field the schema does not name', async () => {
		const { db } = database();
		const locals = await localsOf(db, 'lars');
		const home = await run(homeLoad as Load, locals);
		expect(() =>
			expectKeptWhole('home', { ...home, home: { ...(home.home as object), newField: 1 } })
		).toThrow(/not in the offline schema/);
	});
});

it('a layout copy saved before the language codes (with { code, name }) still opens offline', () => {
	// Session 10 (#19) sends the layout's languages as codes; a phone may still hold a copy with
	// the names in it. Refused, that phone would show the plain offline page instead of the app.
	const saved = {
		lang: 'ar',
		dir: 'rtl',
		languages: [
			{ code: 'nl', name: 'Nederlands' },
			{ code: 'ar', name: 'العربية' }
		],
		dienstName: 'Sociale Dienst',
		staffIdleMinutes: null,
		user: { id: 'u1', displayName: 'Lars', roles: ['client'], preferences: {} }
	};
	const parsed = PAGE_SCHEMAS.layout.safeParse(saved);
	expect(parsed.success).toBe(true);
	expect(parsed.data?.languages).toEqual(['nl', 'ar']);
});
