import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/open';
import {
	appointment,
	authIdentity,
	client,
	instrumentUse,
	ladderStep,
	gemeente,
	plan,
	planStep,
	team,
	user,
	type AppointmentKind,
	handhaving,
	type InstrumentOutcome,
	type MaatregelGround,
	type PlanStatus,
	type Role,
	type Segment,
	type StepOwner
} from '../db/schema';
import { seedInstruments } from './catalogue';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoAudio } from './demo-audio';
import { seedDemoNorms } from './demo-norms';
import {
	DEMO_GEMEENTEN,
	DEMO_PASSWORD,
	generateClients,
	insertGenerated,
	insertMany,
	loadInstrumentRefs,
	officeAddress,
	Rng
} from './large';
import { addDays, amsterdamDay, daysAfter, workingDay, yearsBefore } from '../../dates';
import { addMonths } from '../report/indicators';
import { amsterdamInstantOn } from '../wall-clock';

// Any constant works; it only has to be the same in every process that seeds.
const SEED_LOCK = 72_616_001;

interface StaffSpec {
	key: string;
	name: string;
	email: string;
	roles: Role[];
	team: 'a' | 'b' | null;
	phone: string;
	reachableHours: string;
}

const STAFF: StaffSpec[] = [
	{
		key: 'klantmanager',
		name: 'Sanne de Vries',
		email: 'sanne.devries@wegwijs.example',
		roles: ['klantmanager'],
		team: 'a',
		phone: '088 555 0101',
		reachableHours: 'ma t/m do 9.00–12.00'
	},
	{
		key: 'klantmanager2',
		name: 'Ahmed Bouzid',
		email: 'ahmed.bouzid@wegwijs.example',
		roles: ['klantmanager'],
		team: 'b',
		phone: '088 555 0102',
		reachableHours: 'di t/m vr 9.00–12.00'
	},
	{
		key: 'teamlead',
		name: 'Petra Hendriks',
		email: 'petra.hendriks@wegwijs.example',
		roles: ['klantmanager'],
		team: 'a',
		phone: '088 555 0100',
		reachableHours: 'ma t/m do 9.00–12.00'
	},
	{
		key: 'reporter',
		name: 'Joost Willems',
		email: 'joost.willems@wegwijs.example',
		roles: ['reporter'],
		team: null,
		phone: '088 555 0120',
		reachableHours: 'ma t/m vr 9.00–17.00'
	},
	{
		key: 'admin',
		name: 'Ineke Smit',
		email: 'ineke.smit@wegwijs.example',
		roles: ['admin'],
		team: null,
		phone: '088 555 0130',
		reachableHours: 'ma t/m vr 9.00–17.00'
	}
];

type Muni = (typeof DEMO_GEMEENTEN)[number]['code'];
type Km = 'klantmanager' | 'klantmanager2';

interface UseSpec {
	code: string;
	/** Days relative to now. */
	start: number;
	plannedEnd: number | null;
	end?: number;
	outcome?: InstrumentOutcome;
	outcomeReason?: string;
	provider: string;
}
interface StepSpec {
	title: string;
	owner: StepOwner;
	due: number;
	/** Days relative to now when done; absent means still to do. */
	done?: number;
	instrument?: string;
}
interface AppointmentSpec {
	/** Days relative to now (moved to a working day). */
	day: number;
	hour: number;
	minute?: number;
	minutes: number;
	kind: AppointmentKind;
	place?: string;
	videoUrl?: string;
	purpose: string;
	bring?: string;
	status: 'planned' | 'held';
}
interface PersonaSpec {
	key: string;
	name: string;
	age: number;
	/** Days between the last birthday and now, so the age is stable. */
	birthdayDaysAgo: number;
	language: string;
	/** Who gave an e-mail address gets notices by e-mail too (the outbox in development). */
	email?: string;
	gemeente: Muni;
	km: Km;
	segment: Segment;
	benefitYears: number;
	statushouder?: boolean;
	exemption?: { reason: string; reviewInDays: number };
	applicationsPerWeek?: number;
	agreedHoursPerWeek?: number;
	/** Ladder history as [days ago, step]; the last one is the current step. */
	ladder: [number, number][];
	plan: {
		goal: string;
		status: PlanStatus;
		version: number;
		createdDaysAgo: number;
		sharedDaysAgo: number;
		agreedDaysAgo?: number;
		reviewInDays: number;
		steps: StepSpec[];
	};
	uses: UseSpec[];
	appointments: AppointmentSpec[];
	/** Besluiten on the file (issue #13 §7): a maatregel from the first of the next month. */
	handhaving?: {
		decidedDaysAgo: number;
		ground: MaatregelGround;
		percentage: number;
		months: number;
		reason: string;
	}[];
}

// The five Berkelland personas (docs/DOMAIN.md "People and roles").
const PERSONAS: PersonaSpec[] = [
	{
		key: 'lieke',
		name: 'Lieke Jansen',
		age: 34,
		birthdayDaysAgo: 140,
		language: 'nl',
		email: 'lieke.jansen@example.org',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'meedoen',
		benefitYears: 6,
		exemption: {
			reason:
				'Alleenstaande ouder met de zorg voor twee jonge kinderen; lichamelijke klachten na de ziektewet',
			reviewInDays: 120
		},
		agreedHoursPerWeek: 6,
		ladder: [
			[6 * 365 - 30, 2],
			[3 * 365, 3],
			[380, 4]
		],
		plan: {
			goal: 'Over een jaar werk ik een paar uur per week betaald, op tijden dat mijn kinderen op school zijn.',
			status: 'agreed',
			version: 2,
			createdDaysAgo: 400,
			sharedDaysAgo: 40,
			agreedDaysAgo: 38,
			reviewInDays: 120,
			steps: [
				{
					title: 'Het traject ‘In je eigen kracht’ afmaken',
					owner: 'partner',
					due: -60,
					done: -62,
					instrument: 'zelfvertrouwentraining'
				},
				{
					title: 'Twee ochtenden per week vrijwilligerswerk bij de bibliotheek',
					owner: 'client',
					due: 30,
					instrument: 'vrijwilligerswerk'
				},
				{
					title: 'Uitzoeken welk werk past bij de schooltijden van je kinderen',
					owner: 'client',
					due: 14
				},
				{
					title: 'Gesprek over kinderopvang en de vergoeding daarvan',
					owner: 'klantmanager',
					due: 10,
					instrument: 'verwervingskosten'
				},
				{ title: 'Je ontheffing samen opnieuw bekijken', owner: 'klantmanager', due: 110 }
			]
		},
		uses: [
			{
				code: 'zelfvertrouwentraining',
				start: -76,
				plannedEnd: -62,
				end: -62,
				outcome: 'completed',
				provider: 'Sociale dienst (In je eigen kracht)'
			},
			{
				code: 'vrijwilligerswerk',
				start: -700,
				plannedEnd: null,
				provider: 'Bibliotheek Lindewaard'
			}
		],
		appointments: [
			{
				day: -38,
				hour: 9,
				minute: 30,
				minutes: 45,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Je nieuwe plan bespreken',
				bring: 'Het rooster van de school van je kinderen',
				status: 'held'
			},
			{
				day: 6,
				hour: 10,
				minutes: 30,
				kind: 'phone',
				purpose: 'Even bijpraten: hoe gaat het met het vrijwilligerswerk?',
				status: 'planned'
			}
		]
	},
	{
		key: 'frans',
		name: 'Frans Bakker',
		age: 59,
		birthdayDaysAgo: 200,
		language: 'nl',
		gemeente: 'brakeloo',
		km: 'klantmanager2',
		segment: 'perspectief',
		benefitYears: 8,
		applicationsPerWeek: 2,
		handhaving: [
			{
				decidedDaysAgo: 12,
				ground: 'verplichtingen',
				percentage: 20,
				months: 1,
				reason: 'Twee keer niet op een afspraak gekomen en niets laten weten.'
			}
		],
		ladder: [
			[8 * 365 - 30, 3],
			[4 * 365, 4]
		],
		plan: {
			goal: 'Een baan van minstens 20 uur per week bij een werkgever die mijn ervaring waardeert.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 240,
			sharedDaysAgo: 95,
			agreedDaysAgo: 90,
			reviewInDays: 90,
			steps: [
				{
					title: 'De training zelfvertrouwen afmaken',
					owner: 'partner',
					due: -200,
					done: -200,
					instrument: 'zelfvertrouwentraining'
				},
				{
					title: 'Je aanmelden voor de training voor 45-plussers',
					owner: 'klantmanager',
					due: -20,
					done: -21,
					instrument: 'training-45-plus'
				},
				{ title: 'Je cv aanpassen: zet je ervaring bovenaan', owner: 'client', due: 5 },
				{
					title: 'Elke week 2 sollicitaties versturen en in de app zetten',
					owner: 'client',
					due: 7
				},
				{
					title: 'Gesprek met het werkgeversservicepunt over loonkostensubsidie',
					owner: 'klantmanager',
					due: 12,
					instrument: 'loonkostensubsidie'
				}
			]
		},
		uses: [
			{
				code: 'zelfvertrouwentraining',
				start: -214,
				plannedEnd: -200,
				end: -200,
				outcome: 'completed',
				provider: 'Sociale dienst'
			},
			{
				code: 'werkgeversservicepunt',
				start: -60,
				plannedEnd: 120,
				provider: 'Werkgeversservicepunt'
			},
			{ code: 'training-45-plus', start: -14, plannedEnd: 28, provider: 'Sociale dienst' }
		],
		appointments: [
			{
				day: -30,
				hour: 11,
				minutes: 30,
				kind: 'phone',
				purpose: 'Je sollicitaties van de afgelopen weken bespreken',
				status: 'held'
			},
			{
				day: 4,
				hour: 14,
				minutes: 30,
				kind: 'phone',
				purpose: 'De training voor 45-plussers en loonkostensubsidie bespreken',
				status: 'planned'
			}
		]
	},
	{
		key: 'lars',
		name: 'Lars Visser',
		age: 25,
		birthdayDaysAgo: 90,
		language: 'nl',
		gemeente: 'oosterveld',
		km: 'klantmanager2',
		segment: 'werk',
		benefitYears: 3,
		agreedHoursPerWeek: 28,
		ladder: [
			[3 * 365 - 30, 4],
			[540, 5]
		],
		plan: {
			goal: 'Een vast contract bij mijn werkgever in de logistiek.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 150,
			sharedDaysAgo: 120,
			agreedDaysAgo: 118,
			reviewInDays: 60,
			steps: [
				{
					title: 'Met je jobcoach een takenlijst maken voor je werkweek',
					owner: 'partner',
					due: -30,
					done: -32,
					instrument: 'jobcoaching'
				},
				{ title: 'Je loonstrook van vorige maand in de app zetten', owner: 'client', due: -5 },
				{
					title: 'Elke twee weken bijpraten met je jobcoach',
					owner: 'partner',
					due: 9,
					instrument: 'jobcoaching'
				},
				{ title: 'Je leidinggevende vragen naar een vast contract', owner: 'client', due: 30 },
				{
					title: 'Uitzoeken wat rijbewijs C kost en wie het kan betalen',
					owner: 'klantmanager',
					due: 45
				}
			]
		},
		uses: [
			{
				code: 'proefplaatsing',
				start: -480,
				plannedEnd: -420,
				end: -420,
				outcome: 'work_found',
				provider: 'Van Dalen Logistiek'
			},
			{ code: 'jobcoaching', start: -400, plannedEnd: 180, provider: 'Jobcoach sociale dienst' }
		],
		appointments: [
			{
				day: -21,
				hour: 16,
				minutes: 30,
				kind: 'video',
				videoUrl: 'https://video.wegwijs.example/lars-visser-a1',
				purpose: 'Hoe gaat het op je werk?',
				status: 'held'
			},
			{
				day: 9,
				hour: 16,
				minutes: 30,
				kind: 'video',
				videoUrl: 'https://video.wegwijs.example/lars-visser-b2',
				purpose: 'Je werk en je contract bespreken',
				bring: 'Je loonstrook van vorige maand',
				status: 'planned'
			}
		]
	},
	{
		key: 'tim',
		name: 'Tim Mulder',
		age: 21,
		birthdayDaysAgo: 60,
		language: 'nl',
		gemeente: 'oosterveld',
		km: 'klantmanager',
		segment: 'werk',
		benefitYears: 2,
		agreedHoursPerWeek: 32,
		ladder: [
			[2 * 365 - 30, 3],
			[330, 5]
		],
		plan: {
			goal: 'Mijn werk in het magazijn goed blijven doen, 32 uur per week.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 360,
			sharedDaysAgo: 345,
			agreedDaysAgo: 340,
			reviewInDays: 80,
			steps: [
				{
					title: 'Kennismaken met Sanne, je vaste contactpersoon',
					owner: 'klantmanager',
					due: -330,
					done: -332
				},
				{
					title: 'Afspraak met je jobcoach op je werk',
					owner: 'partner',
					due: 5,
					instrument: 'jobcoaching'
				},
				{ title: 'Elke maand je loonstrook laten zien', owner: 'client', due: 20 },
				{
					title: 'Opnieuw meten wat je kunt in je werk (loonwaarde)',
					owner: 'klantmanager',
					due: 60,
					instrument: 'loonkostensubsidie'
				}
			]
		},
		uses: [
			{
				code: 'praktijkroute',
				start: -420,
				plannedEnd: -330,
				end: -330,
				outcome: 'completed',
				provider: 'Sociale dienst en UWV'
			},
			{
				code: 'loonkostensubsidie',
				start: -330,
				plannedEnd: 400,
				provider: 'Van Dalen Logistiek'
			},
			{ code: 'jobcoaching', start: -330, plannedEnd: 200, provider: 'Jobcoach sociale dienst' }
		],
		appointments: [
			{
				day: -60,
				hour: 13,
				minutes: 45,
				kind: 'in_person',
				place: 'Van Dalen Logistiek, Industrieweg 8, 7172 OV Oosterveld',
				purpose: 'Gesprek op je werk, samen met je jobcoach',
				status: 'held'
			},
			{
				day: 11,
				hour: 15,
				minutes: 30,
				kind: 'in_person',
				place: officeAddress({ code: 'oosterveld', name: 'Oosterveld' }),
				purpose: 'Hoe gaat het met je werk?',
				bring: 'Je loonstrook',
				status: 'planned'
			}
		]
	},
	{
		key: 'maryam',
		name: 'Maryam Haddad',
		age: 28,
		birthdayDaysAgo: 170,
		language: 'ar',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'perspectief',
		benefitYears: 7,
		statushouder: true,
		ladder: [
			[7 * 365 - 30, 1],
			[5 * 365, 2],
			[365, 3]
		],
		plan: {
			goal: 'Uitzoeken welk werk bij mij past en een stage vinden die past bij de schooltijden van mijn dochters.',
			status: 'shared',
			version: 1,
			createdDaysAgo: 16,
			sharedDaysAgo: 2,
			reviewInDays: 180,
			steps: [
				{
					title: 'Je inburgering afronden',
					owner: 'partner',
					due: -300,
					done: -300,
					instrument: 'inburgering'
				},
				{
					title: 'Elke week met je taalmaatje oefenen en samen je brieven lezen',
					owner: 'partner',
					due: 7,
					instrument: 'taalmaatje'
				},
				{
					title: 'Kinderopvang zoeken, zodat je om 7.30 uur bij een stage kunt zijn',
					owner: 'klantmanager',
					due: 14
				},
				{
					title: 'De cursus ‘Op weg naar werk’ volgen',
					owner: 'client',
					due: 21,
					instrument: 'sollicitatietraining'
				},
				{
					title: 'Vergoeding voor de kinderopvang aanvragen',
					owner: 'client',
					due: 28,
					instrument: 'verwervingskosten'
				},
				{
					title: 'Samen kiezen welk werk je wilt proberen',
					owner: 'klantmanager',
					due: 35
				}
			]
		},
		uses: [
			{
				code: 'maatschappelijke-begeleiding',
				start: -7 * 365 + 20,
				plannedEnd: -6 * 365 + 20,
				end: -6 * 365 + 20,
				outcome: 'completed',
				provider: 'Vluchtelingenwerk'
			},
			{
				code: 'inburgering',
				start: -1100,
				plannedEnd: -300,
				end: -300,
				outcome: 'completed',
				provider: 'Taalschool De Brug'
			},
			{ code: 'taalmaatje', start: -90, plannedEnd: 275, provider: 'Welzijn Samen' }
		],
		appointments: [
			{
				day: -16,
				hour: 10,
				minutes: 60,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Kennismaken en samen een plan maken',
				status: 'held'
			},
			{
				day: 3,
				hour: 10,
				minutes: 45,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Je plan samen doorlezen en afspraken maken over kinderopvang',
				bring: 'Je verblijfsdocument en brieven die je niet begrijpt',
				status: 'planned'
			}
		]
	}
];

/**
 * Demo clients reserved for the browser specs that change them, so no spec changes what another
 * reads: every spec passes alone and in any order, and the five personas' stories stay as they
 * are. tests/e2e/km.spec.ts: Dalia gets a new plan that she agrees to, a moved and an extra
 * appointment; Wilma is handed over to Petra. tests/e2e/survey.spec.ts: Hala answers her open
 * invitation (seeded in demo-surveys.ts), while Maryam's stays open for the security specs.
 * tests/e2e/handhaving.spec.ts: Sanne records a maatregel for Noor, who reads it.
 */
const SPEC_CLIENTS: PersonaSpec[] = [
	{
		key: 'dalia',
		name: 'Dalia Qasem',
		age: 31,
		birthdayDaysAgo: 90,
		language: 'ar',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'perspectief',
		benefitYears: 3,
		statushouder: true,
		ladder: [
			[3 * 365 - 30, 1],
			[200, 2]
		],
		plan: {
			goal: 'Beter Nederlands spreken en uitzoeken welk werk bij mij past.',
			status: 'shared',
			version: 1,
			createdDaysAgo: 20,
			sharedDaysAgo: 5,
			reviewInDays: 180,
			steps: [
				{ title: 'Elke week naar de taalles', owner: 'client', due: 30 },
				{ title: 'Samen kijken naar werk dat bij je past', owner: 'klantmanager', due: 45 }
			]
		},
		uses: [],
		appointments: [
			{
				day: -20,
				hour: 11,
				minutes: 60,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Kennismaken',
				status: 'held'
			},
			{
				day: 4,
				hour: 14,
				minutes: 45,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Je plan samen doorlezen',
				status: 'planned'
			}
		]
	},
	{
		key: 'wilma',
		name: 'Wilma Oosterhof',
		age: 52,
		birthdayDaysAgo: 30,
		language: 'nl',
		email: 'wilma.oosterhof@example.org',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'meedoen',
		benefitYears: 4,
		ladder: [[4 * 365 - 30, 3]],
		plan: {
			goal: 'Twee dagen per week vrijwilligerswerk doen.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 100,
			sharedDaysAgo: 90,
			agreedDaysAgo: 88,
			reviewInDays: 90,
			steps: [{ title: 'Een plek voor vrijwilligerswerk zoeken', owner: 'client', due: 20 }]
		},
		uses: [],
		appointments: []
	},
	{
		key: 'hala',
		name: 'Hala Mansour',
		age: 40,
		birthdayDaysAgo: 200,
		language: 'ar',
		gemeente: 'lindewaard',
		km: 'klantmanager2',
		segment: 'werk',
		benefitYears: 2,
		statushouder: true,
		applicationsPerWeek: 2,
		ladder: [[2 * 365 - 30, 4]],
		plan: {
			goal: 'Werk vinden in de zorg, eerst voor twintig uur per week.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 60,
			sharedDaysAgo: 50,
			agreedDaysAgo: 48,
			reviewInDays: 120,
			steps: [{ title: 'Elke week twee sollicitaties versturen', owner: 'client', due: 7 }]
		},
		uses: [],
		appointments: []
	},
	{
		key: 'noor',
		name: 'Noor Visser',
		age: 29,
		birthdayDaysAgo: 60,
		language: 'nl',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'werk',
		benefitYears: 1,
		applicationsPerWeek: 4,
		ladder: [[365 - 30, 5]],
		plan: {
			goal: 'Binnen drie maanden werk vinden als kok.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 40,
			sharedDaysAgo: 35,
			agreedDaysAgo: 34,
			reviewInDays: 60,
			steps: [{ title: 'Elke week vier sollicitaties versturen', owner: 'client', due: 7 }]
		},
		uses: [],
		appointments: []
	}
];

const BACKGROUND_CLIENTS = 40;
/** Former clients and clients between klantmanagers: history for the council report. */
const HISTORY_CLIENTS = 200;

/**
 * Fills an empty database with the demo dienst: three gemeenten, staff, the five personas
 * and some background clients. Does nothing (returns false) when a gemeente exists.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
	const now = opts.now ?? new Date();
	const before = await db.select({ id: gemeente.id }).from(gemeente).limit(1);
	if (before.length > 0) return false;
	// argon2 is slow on purpose: hash once and share it between all demo accounts.
	const passwordHash = await hashPassword(DEMO_PASSWORD);

	return db.transaction(async (tx) => {
		// Two processes starting at once must not both seed.
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
		const again = await tx.select({ id: gemeente.id }).from(gemeente).limit(1);
		if (again.length > 0) return false;

		const munis = await tx
			.insert(gemeente)
			.values(
				DEMO_GEMEENTEN.map((m) => ({
					code: m.code,
					name: m.name,
					languages: [...m.languages]
				}))
			)
			.returning();
		const muniId = (code: string) => munis.find((m) => m.code === code)!.id;

		await seedInstruments(tx, undefined, now);
		const instruments = await loadInstrumentRefs(tx);
		const instrumentId = (code: string) => {
			const found = instruments.find((i) => i.code === code);
			if (!found)
				throw new Error(`demo data needs instrument ${code}, which is missing or inactive`);
			return found.id;
		};

		// Staff and teams.
		const staffId = new Map(STAFF.map((s) => [s.key, randomUUID()]));
		const teamA = randomUUID();
		const teamB = randomUUID();
		await tx.insert(team).values([
			{ id: teamA, name: 'Team Noord', leadUserId: staffId.get('teamlead')! },
			{ id: teamB, name: 'Team Zuid', leadUserId: null }
		]);
		await tx.insert(user).values(
			STAFF.map((s) => ({
				id: staffId.get(s.key)!,
				displayName: s.name,
				email: s.email,
				roles: s.roles,
				language: 'nl',
				teamId: s.team === 'a' ? teamA : s.team === 'b' ? teamB : null,
				phone: s.phone,
				reachableHours: s.reachableHours,
				demoKey: s.key
			}))
		);
		await tx.insert(authIdentity).values(
			STAFF.map((s) => ({
				userId: staffId.get(s.key)!,
				provider: 'password' as const,
				subject: s.email.toLowerCase(),
				passwordHash
			}))
		);

		// The personas.
		const users: PgInsertValue<typeof user>[] = [];
		const identities: PgInsertValue<typeof authIdentity>[] = [];
		const clients: PgInsertValue<typeof client>[] = [];
		const ladder: PgInsertValue<typeof ladderStep>[] = [];
		const plans: PgInsertValue<typeof plan>[] = [];
		const steps: PgInsertValue<typeof planStep>[] = [];
		const uses: PgInsertValue<typeof instrumentUse>[] = [];
		const appointments: PgInsertValue<typeof appointment>[] = [];
		const besluiten: PgInsertValue<typeof handhaving>[] = [];
		const day = (offset: number) => amsterdamDay(daysAfter(now, offset));

		for (const [i, p] of [...PERSONAS, ...SPEC_CLIENTS].entries()) {
			const userId = randomUUID();
			const clientId = randomUUID();
			// The reserved clients are numbered after the background and history clients.
			const clientNumber = `WW-${100_001 + i + (i < PERSONAS.length ? 0 : BACKGROUND_CLIENTS + HISTORY_CLIENTS)}`;
			const kmId = staffId.get(p.km)!;
			const benefitStart = daysAfter(yearsBefore(now, p.benefitYears), -10);
			users.push({
				id: userId,
				displayName: p.name,
				roles: ['client'],
				language: p.language,
				email: p.email ?? null,
				preferences: p.email ? { notifyEmail: true } : {},
				demoKey: p.key,
				createdAt: benefitStart
			});
			identities.push({
				userId,
				provider: 'password',
				subject: clientNumber.toLowerCase(),
				passwordHash
			});
			clients.push({
				id: clientId,
				userId,
				clientNumber,
				gemeenteId: muniId(p.gemeente),
				klantmanagerId: kmId,
				segment: p.segment,
				ladderStep: p.ladder[p.ladder.length - 1]![1],
				birthDate: amsterdamDay(daysAfter(yearsBefore(now, p.age), -p.birthdayDaysAgo)),
				statushouder: p.statushouder ?? false,
				benefitStart: amsterdamDay(benefitStart),
				exemptionReason: p.exemption?.reason ?? null,
				exemptionReviewDate: p.exemption ? day(p.exemption.reviewInDays) : null,
				applicationsPerWeek: p.applicationsPerWeek ?? null,
				agreedHoursPerWeek: p.agreedHoursPerWeek ?? null,
				createdAt: benefitStart
			});
			for (const [daysAgo, step] of p.ladder) {
				ladder.push({ clientId, step, recordedAt: day(-daysAgo), recordedBy: kmId });
			}

			const planId = randomUUID();
			const agreedAt =
				p.plan.agreedDaysAgo !== undefined ? daysAfter(now, -p.plan.agreedDaysAgo) : null;
			const sharedAt = daysAfter(now, -p.plan.sharedDaysAgo);
			plans.push({
				id: planId,
				clientId,
				goal: p.plan.goal,
				status: p.plan.status,
				version: p.plan.version,
				sharedAt,
				agreedAt,
				agreedVersion: agreedAt ? p.plan.version : null,
				reviewDate: day(p.plan.reviewInDays),
				updatedAt: agreedAt ?? sharedAt,
				createdAt: daysAfter(now, -p.plan.createdDaysAgo)
			});
			for (const [k, s] of p.plan.steps.entries()) {
				steps.push({
					planId,
					position: k + 1,
					title: s.title,
					owner: s.owner,
					dueDate: day(s.due),
					status: s.done !== undefined ? 'done' : 'todo',
					doneAt: s.done !== undefined ? daysAfter(now, s.done) : null,
					instrumentId: s.instrument ? instrumentId(s.instrument) : null,
					createdAt: daysAfter(now, -p.plan.createdDaysAgo)
				});
			}
			for (const u of p.uses) {
				uses.push({
					clientId,
					instrumentId: instrumentId(u.code),
					provider: u.provider,
					startDate: day(u.start),
					plannedEndDate: u.plannedEnd === null ? null : day(u.plannedEnd),
					endDate: u.end === undefined ? null : day(u.end),
					outcome: u.outcome ?? null,
					outcomeReason: u.outcomeReason ?? null,
					createdBy: kmId,
					createdAt: daysAfter(now, Math.min(u.start, 0))
				});
			}
			for (const h of p.handhaving ?? []) {
				const decidedOn = day(-h.decidedDaysAgo);
				const periodStart = addMonths(`${decidedOn.slice(0, 8)}01`, 1);
				besluiten.push({
					clientId,
					kind: 'maatregel',
					decidedOn,
					ground: h.ground,
					percentage: h.percentage,
					periodStart,
					periodEnd: addDays(addMonths(periodStart, h.months), -1),
					reason: h.reason,
					createdBy: kmId,
					createdAt: daysAfter(now, -h.decidedDaysAgo)
				});
			}
			for (const a of p.appointments) {
				const startsAt = amsterdamInstantOn(
					workingDay(daysAfter(now, a.day), a.day > 0),
					a.hour,
					a.minute ?? 0
				);
				appointments.push({
					clientId,
					staffId: kmId,
					startsAt,
					endsAt: new Date(startsAt.getTime() + a.minutes * 60_000),
					kind: a.kind,
					place: a.place ?? null,
					videoUrl: a.videoUrl ?? null,
					purpose: a.purpose,
					bring: a.bring ?? null,
					status: a.status,
					createdAt: daysAfter(startsAt, -14)
				});
			}
		}
		await insertMany(tx, user, users);
		await insertMany(tx, authIdentity, identities);
		await insertMany(tx, client, clients);
		await insertMany(tx, ladderStep, ladder);
		await insertMany(tx, plan, plans);
		await insertMany(tx, planStep, steps);
		await insertMany(tx, instrumentUse, uses);
		await insertMany(tx, appointment, appointments);
		await insertMany(tx, handhaving, besluiten);

		// Background caseload, half for each klantmanager, so lists and counts look lived in.
		const rng = new Rng(4242);
		const sanne = staffId.get('klantmanager')!;
		const ahmed = staffId.get('klantmanager2')!;
		const kms = rng.shuffle(
			Array.from({ length: BACKGROUND_CLIENTS }, (_, i) => (i % 2 === 0 ? sanne : ahmed))
		);
		const rows = generateClients(
			rng,
			{
				now,
				gemeenten: munis,
				gemeenteWeights: [40, 35, 25],
				instruments,
				passwordHash
			},
			{
				firstNumber: 100_001 + PERSONAS.length,
				klantmanagerIds: kms,
				instrumentUses: Math.round(BACKGROUND_CLIENTS * 1.3),
				appointments: BACKGROUND_CLIENTS * 3,
				fallbackStaffId: sanne
			}
		);
		await insertGenerated(tx, rows);
		const ctx = {
			now,
			gemeenten: munis,
			gemeenteWeights: [40, 35, 25],
			instruments,
			passwordHash
		};
		const history = generateClients(rng, ctx, {
			firstNumber: 100_001 + PERSONAS.length + BACKGROUND_CLIENTS,
			klantmanagerIds: Array<string | null>(HISTORY_CLIENTS).fill(null),
			instrumentUses: Math.round(HISTORY_CLIENTS * 1.3),
			appointments: HISTORY_CLIENTS,
			fallbackStaffId: sanne
		});
		await insertGenerated(tx, history);
		await recordSharedVersions(tx);
		await seedDemoSurveys(tx, rng, ctx);
		// Recordings for phones without a Tigrinya, Somali or Dari voice (a chime, not speech).
		await seedDemoAudio(tx, staffId.get('admin')!);
		const year = Number(amsterdamDay(now).slice(0, 4));
		await seedDemoNorms(tx, staffId.get('admin')!, [year - 1, year]);
		return true;
	});
}

/**
 * Every shared plan gets its version kept whole, and every agreed plan its dated agreement,
 * as sharing and agreeing in the app would have left them.
 */
async function recordSharedVersions(tx: Db): Promise<void> {
	await tx.execute(sql`
		insert into plan_version (plan_id, version, goal, steps, shared_at)
		select p.id, p.version, p.goal,
			coalesce((select jsonb_agg(jsonb_build_object(
				'title', s.title, 'owner', s.owner, 'dueDate', s.due_date,
				'status', s.status, 'instrumentId', s.instrument_id) order by s.position)
				from plan_step s where s.plan_id = p.id), '[]'::jsonb),
			coalesce(p.shared_at, p.created_at)
		from plan p where p.status <> 'draft'`);
	await tx.execute(sql`
		insert into plan_agreement (plan_id, version, user_id, agreed_at)
		select p.id, p.agreed_version, c.user_id, p.agreed_at
		from plan p join client c on c.id = p.client_id
		where p.agreed_at is not null and p.agreed_version is not null`);
}
