import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/open';
import {
	appointment,
	authIdentity,
	client,
	instrument,
	instrumentText,
	instrumentUse,
	ladderStep,
	gemeente,
	outflow,
	plan,
	planStep,
	survey,
	surveyOpenAnswer,
	surveyResponse,
	surveyText,
	team,
	user,
	type AppointmentKind,
	type InstrumentOutcome,
	type OutflowReason,
	type PlanStatus,
	type Segment,
	type StepOwner,
	type SurveyTrigger
} from '../db/schema';
import { seedInstruments } from './catalogue';
import { SURVEY_TEXTS } from './survey-texts';
import { rebuildTally } from '../surveys/surveys';
import { amsterdamDay, DAY_MS, daysAfter, workingDay, yearsBefore } from '../../dates';
import { quarterOfInstant } from '../../quarters';
import { amsterdamInstantOn } from '../wall-clock';

export const DEMO_PASSWORD = 'wegwijs-demo';

// ── Randomness and dates ──────────────────────────────────────────────────────

/** Tiny deterministic PRNG (mulberry32): same seed, same data set. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Rng {
	readonly next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of entries) total += w;
		let r = this.next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r < 0) return value;
		}
		return entries[entries.length - 1]![0];
	}
	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j]!, items[i]!];
		}
		return items;
	}
	hex(length: number): string {
		let s = '';
		while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
		return s;
	}
}

function maxDate(a: Date, b: Date): Date {
	return a.getTime() >= b.getTime() ? a : b;
}
function minDate(a: Date, b: Date): Date {
	return a.getTime() <= b.getTime() ? a : b;
}
function between(rng: Rng, from: Date, to: Date): Date {
	if (to.getTime() <= from.getTime()) return from;
	return new Date(from.getTime() + Math.floor(rng.next() * (to.getTime() - from.getTime())));
}

// ── Batched inserts ───────────────────────────────────────────────────────────

/** Multi-row inserts, sized to stay under Postgres' 65,535 bind parameters per statement. */
export async function insertMany<T extends PgTable>(
	db: Db,
	table: T,
	rows: PgInsertValue<T>[],
	maxRows = 5000
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Math.max(...rows.slice(0, 10).map((r) => Object.keys(r).length), 1);
	const size = Math.max(1, Math.min(maxRows, Math.floor(60_000 / columns)));
	for (let i = 0; i < rows.length; i += size) {
		await db.insert(table).values(rows.slice(i, i + size));
	}
}

// ── Reference data ────────────────────────────────────────────────────────────

export interface GemeenteRef {
	id: string;
	code: string;
	name: string;
	languages: string[];
}

export interface InstrumentRef {
	id: string;
	code: string;
	name: string;
	segments: Segment[];
	minAge: number | null;
	maxAge: number | null;
	forStatushouders: boolean;
}

/** Fictional gemeenten served by one sociale dienst (demo and benchmark data). */
export const DEMO_GEMEENTEN = [
	{
		code: 'lindewaard',
		name: 'Lindewaard',
		// The caseload decides: many statushouders here, so every language is on.
		languages: ['nl', 'en', 'ar', 'fa', 'prs', 'ti', 'tr', 'uk', 'so'],
		office: 'Sociale dienst, Marktplein 1, 7161 LW Lindewaard'
	},
	{
		code: 'oosterveld',
		name: 'Oosterveld',
		languages: ['nl', 'en', 'ar', 'fa', 'prs', 'uk'],
		office: 'Werkplein Oosterveld, Stationsstraat 12, 7172 OV Oosterveld'
	},
	{
		code: 'brakeloo',
		name: 'Brakeloo',
		languages: ['nl', 'en', 'ar', 'ti', 'tr', 'so'],
		office: 'Gemeentehuis Brakeloo, Kerkstraat 3, 7183 BK Brakeloo'
	}
] as const;

export function officeAddress(m: { code: string; name: string }): string {
	return DEMO_GEMEENTEN.find((d) => d.code === m.code)?.office ?? `Sociale dienst, ${m.name}`;
}

export async function ensureGemeenten(db: Db): Promise<GemeenteRef[]> {
	const existing = await db.select().from(gemeente).orderBy(asc(gemeente.createdAt));
	if (existing.length > 0) return existing;
	return db
		.insert(gemeente)
		.values(
			DEMO_GEMEENTEN.map((m) => ({ code: m.code, name: m.name, languages: [...m.languages] }))
		)
		.returning();
}

export async function loadInstrumentRefs(db: Db): Promise<InstrumentRef[]> {
	const rows = await db
		.select({
			id: instrument.id,
			code: instrument.code,
			name: instrumentText.name,
			segments: instrument.segments,
			minAge: instrument.minAge,
			maxAge: instrument.maxAge,
			forStatushouders: instrument.forStatushouders
		})
		.from(instrument)
		.innerJoin(
			instrumentText,
			and(eq(instrumentText.instrumentId, instrument.id), eq(instrumentText.language, 'nl'))
		)
		.where(eq(instrument.active, true))
		.orderBy(asc(instrument.code));
	return rows;
}

/** Typical duration in days, popularity weight and provider per catalogue instrument. */
const INSTRUMENT_PROFILE: Record<
	string,
	{ weight: number; days: [number, number]; provider: string }
> = {
	werkervaringsplaats: { weight: 7, days: [182, 365], provider: 'Werkgever via sociale dienst' },
	proefplaatsing: { weight: 4, days: [56, 91], provider: 'Werkgever via sociale dienst' },
	loonkostensubsidie: { weight: 5, days: [365, 1095], provider: 'Sociale dienst' },
	jobcoaching: { weight: 8, days: [182, 540], provider: 'Jobcoach sociale dienst' },
	sollicitatietraining: { weight: 8, days: [14, 28], provider: 'Sociale dienst' },
	groepstraining: { weight: 6, days: [56, 182], provider: 'Sociale dienst' },
	zelfvertrouwentraining: { weight: 5, days: [14, 14], provider: 'Sociale dienst' },
	'training-45-plus': {
		weight: 3,
		days: [42, 42],
		provider: 'Sociale dienst en werkgeversservicepunt'
	},
	jongerentraining: { weight: 4, days: [56, 56], provider: 'Jongerenteam sociale dienst' },
	scholing: { weight: 5, days: [90, 730], provider: 'ROC Oost-Gelderland' },
	taaltraining: { weight: 6, days: [182, 365], provider: 'Taalhuis Achterhoek' },
	taalstage: { weight: 3, days: [91, 182], provider: 'Taalhuis Achterhoek' },
	taalmaatje: { weight: 4, days: [365, 365], provider: 'Welzijn Samen' },
	vrijwilligerswerk: { weight: 7, days: [182, 730], provider: 'Vrijwilligerscentrale' },
	participatieplaats: { weight: 4, days: [182, 365], provider: 'Werkbaan Oost' },
	'sociale-activering': { weight: 7, days: [182, 540], provider: 'Welzijn Samen' },
	'beschut-werk': { weight: 1, days: [730, 1825], provider: 'Werkbaan Oost' },
	detacheringsbaan: { weight: 2, days: [182, 365], provider: 'Detacheringsbureau Oost' },
	'no-riskpolis': { weight: 1, days: [730, 1825], provider: 'UWV' },
	praktijkroute: { weight: 2, days: [60, 120], provider: 'Sociale dienst en UWV' },
	'work-first-workshop': { weight: 4, days: [1, 1], provider: 'Sociale dienst' },
	verwervingskosten: { weight: 4, days: [91, 365], provider: 'Sociale dienst' },
	uitstroompremie: { weight: 0, days: [1, 1], provider: 'Sociale dienst' },
	werkgeversservicepunt: { weight: 6, days: [91, 182], provider: 'Werkgeversservicepunt' },
	schuldhulpverlening: { weight: 4, days: [365, 730], provider: 'Schuldhulp Oost' },
	'maatschappelijke-begeleiding': { weight: 6, days: [365, 365], provider: 'Vluchtelingenwerk' },
	inburgering: { weight: 6, days: [730, 1095], provider: 'Taalschool De Brug' }
};

function profileOf(code: string) {
	return (
		INSTRUMENT_PROFILE[code] ?? {
			weight: 2,
			days: [91, 182] as [number, number],
			provider: 'Sociale dienst'
		}
	);
}

export function eligible(
	i: InstrumentRef,
	segment: Segment | null,
	age: number,
	statushouder: boolean
): boolean {
	if (i.forStatushouders && !statushouder) return false;
	if (segment && !i.segments.includes(segment)) return false;
	if (i.minAge !== null && age < i.minAge) return false;
	if (i.maxAge !== null && age > i.maxAge) return false;
	return true;
}

// ── Names ─────────────────────────────────────────────────────────────────────

type Origin = 'nl' | 'ma' | 'tr' | 'pl' | 'sr' | 'sy' | 'er' | 'af';
// Comma-separated so the lists stay readable after formatting.
const NAMES: Record<Origin, { f: string[]; m: string[]; last: string[] }> = Object.fromEntries(
	Object.entries({
		nl: {
			f: 'Anna, Emma, Sophie, Julia, Lisa, Fleur, Laura, Iris, Eva, Femke, Linda, Marieke, Ingrid, Monique, Wendy, Kim, Esther, Annemarie, Karin, Yvonne, Daphne, Naomi, Nicole, Mirjam, Hanneke, Bianca, Sandra, Ria, Gerda, Tessa',
			m: 'Jan, Pieter, Kees, Henk, Bas, Tom, Jeroen, Mark, Dennis, Rik, Sander, Ruud, Erik, Wim, Gerrit, Johan, Martijn, Niels, Stefan, Bram, Daan, Thijs, Koen, Wouter, Harm, Gert, Hans, Rob, Marco, Patrick',
			last: 'de Jong, Jansen, van den Berg, van Dijk, Bakker, Janssen, Visser, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, Schouten, Hoekstra, Koster, Prins, Wessels, Nijhuis, ten Brinke, Roelofs, Hulshof, Klein Gunnewiek, Wolbrink, Eppink, Heutinck, Lammers'
		},
		ma: {
			f: 'Fatima, Khadija, Nadia, Samira, Hanane, Imane, Soumaya, Naima',
			m: 'Mohammed, Youssef, Khalid, Rachid, Hamza, Bilal, Mustafa, Karim',
			last: 'El Amrani, Benali, El Idrissi, Ouali, Aziz, Haddouchi, Boukhari, Tahiri, Chaoui'
		},
		tr: {
			f: 'Ayşe, Elif, Zeynep, Fatma, Emine, Merve',
			m: 'Mehmet, Ahmet, Emre, Murat, Hakan, Kemal',
			last: 'Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Aydın, Arslan'
		},
		pl: {
			f: 'Agnieszka, Katarzyna, Magdalena, Joanna',
			m: 'Piotr, Tomasz, Krzysztof, Marek',
			last: 'Nowak, Wójcik, Mazur, Krawczyk, Zając'
		},
		sr: {
			f: 'Shanti, Priya, Sharda, Anjali',
			m: 'Ravi, Rajesh, Anand, Sunil',
			last: 'Ramdin, Jagroep, Soekhoe, Baldew, Mahabier'
		},
		sy: {
			f: 'Rania, Lina, Yasmin, Huda, Noor, Amal, Rasha, Dima, Hiba, Salma',
			m: 'Omar, Ahmad, Khaled, Mahmoud, Hassan, Ali, Yousef, Tarek, Bashar, Rami',
			last: 'Al-Ahmad, Khalil, Al-Masri, Darwish, Hamdan, Najjar, Sabbagh, Al-Hussein, Shami'
		},
		er: {
			f: 'Senait, Helen, Mebrat, Selam, Feven, Saba',
			m: 'Dawit, Yonas, Tesfay, Semere, Filmon, Habte',
			last: 'Tesfamariam, Ghebremedhin, Berhane, Tekle, Haile, Gebremichael, Kidane'
		},
		af: {
			f: 'Zahra, Farzana, Parwana, Shabnam, Mariam',
			m: 'Mohammad, Hamid, Farid, Jawad, Nasir',
			last: 'Ahmadi, Rahimi, Karimi, Hashimi, Sultani, Noori'
		}
	}).map(([origin, n]) => [
		origin,
		{ f: n.f.split(', '), m: n.m.split(', '), last: n.last.split(', ') }
	])
) as Record<Origin, { f: string[]; m: string[]; last: string[] }>;

/** Language a client of this origin reads best, if the gemeente offers it. */
const HOME_LANGUAGE: Partial<Record<Origin, [string, number]>> = {
	sy: ['ar', 0.75],
	er: ['ti', 0.7],
	af: ['prs', 0.6],
	ma: ['ar', 0.12],
	tr: ['tr', 0.3],
	pl: ['en', 0.3]
};

export function personName(rng: Rng, origin: Origin, female: boolean): string {
	const n = NAMES[origin];
	return `${rng.pick(female ? n.f : n.m)} ${rng.pick(n.last)}`;
}

// ── Texts used in generated plans and appointments ────────────────────────────

const GOALS: Record<Segment | 'none', string[]> = {
	werk: [
		'Binnen zes maanden betaald werk vinden, minstens 24 uur per week.',
		'Een vaste baan vinden in de logistiek of de productie.',
		'Werk vinden in de zorg en daarnaast een opleiding doen.',
		'Meer uren werken, zodat ik geen uitkering meer nodig heb.',
		'Een baan vinden die past bij mijn ervaring.'
	],
	perspectief: [
		'Stap voor stap naar werk: eerst een werkervaringsplaats, dan betaald werk.',
		'Mijn Nederlands verbeteren en daarna een opleiding kiezen.',
		'Een werkritme opbouwen van 16 uur per week.',
		'Uitzoeken welk werk bij mij past en daarvoor een cursus doen.',
		'Met hulp van een jobcoach aan het werk blijven.'
	],
	meedoen: [
		'Meer mensen ontmoeten en een vast dagritme krijgen.',
		'Vrijwilligerswerk doen, twee ochtenden per week.',
		'Eerst werken aan mijn gezondheid, daarna kijken wat ik kan.',
		'Overzicht over mijn geld en hulp bij mijn schulden.',
		'Meedoen in de buurt en Nederlands oefenen.'
	],
	none: ['Samen uitzoeken wat ik nodig heb en welke hulp bij mij past.']
};

const STEPS: Record<Segment | 'none', [string, StepOwner][]> = {
	werk: [
		['Elke week je sollicitaties in de app zetten', 'client'],
		['Je cv bijwerken', 'client'],
		['Je cv doorsturen naar het werkgeversservicepunt', 'klantmanager'],
		['Kennismaking bij een werkgever', 'partner'],
		['Inschrijven bij twee uitzendbureaus', 'client'],
		['Reiskosten voor je werk aanvragen', 'client'],
		['Gesprek over loonkostensubsidie met de werkgever', 'klantmanager']
	],
	perspectief: [
		['Een werkervaringsplaats zoeken die bij je past', 'klantmanager'],
		['Evaluatiegesprek met de werkgever', 'partner'],
		['Kinderopvang regelen voor je werkdagen', 'client'],
		['Intake bij de taalschool', 'partner'],
		['Afspraak maken voor een arbeidsdeskundig onderzoek', 'klantmanager'],
		['Oefenen met solliciteren', 'client'],
		['Je diploma’s en certificaten verzamelen', 'client']
	],
	meedoen: [
		['Kennismaken bij de vrijwilligerscentrale', 'client'],
		['Aanmelden bij het wijkteam', 'klantmanager'],
		['Twee keer per week naar de inloop in de buurt', 'client'],
		['Met je huisarts praten over je klachten', 'client'],
		['Aanmelden bij de schuldhulpverlening', 'klantmanager'],
		['Intake bij het welzijnswerk', 'partner']
	],
	none: [
		['Gegevens over je situatie aanleveren', 'client'],
		['Gesprek over wat je nodig hebt', 'klantmanager']
	]
};

const PURPOSES = [
	'Je plan bespreken',
	'Hoe gaat het? Voortgang bespreken',
	'Evaluatie van je traject',
	'Gesprek over werk en sollicitaties',
	'Gesprek over scholing',
	'Kennismaking met je klantmanager'
];
const BRING = [
	'Je identiteitsbewijs',
	'Je sollicitatielijst van de afgelopen weken',
	'Loonstroken van de afgelopen maand',
	'Brieven die je niet begrijpt',
	'Je cv',
	null,
	null
];
const EXEMPTION_REASONS = [
	'Zorg voor jonge kinderen als alleenstaande ouder',
	'Medische redenen: in behandeling',
	'Psychische klachten: eerst herstel',
	'Mantelzorg voor een familielid',
	'Tijdelijk: ernstige problemen thuis'
];
const STOP_REASONS = [
	'Ziek geworden',
	'Past niet bij de situatie',
	'Gestopt op eigen verzoek',
	'Kinderopvang niet rond',
	'Verhuisd naar een andere gemeente',
	'Plek bij de werkgever vervallen'
];
const REACHABLE = [
	'ma t/m do 9.00–12.00',
	'ma, di en do 9.00–12.00',
	'di t/m vr 9.00–11.30',
	'ma t/m vr 13.00–15.00'
];

// ── Client generation ─────────────────────────────────────────────────────────

export interface GenerateContext {
	now: Date;
	gemeenten: GemeenteRef[];
	/** Relative share of new clients per gemeente, same order as `gemeenten`. */
	gemeenteWeights: number[];
	instruments: InstrumentRef[];
	passwordHash: string;
}

export interface ChunkOptions {
	/** Numeric part of the first client number ('WW-' + number). */
	firstNumber: number;
	/** Klantmanager per client; its length is the number of clients. */
	klantmanagerIds: (string | null)[];
	instrumentUses: number;
	appointments: number;
	/** Staff used when a client has no klantmanager (appointments need a staff member). */
	fallbackStaffId: string;
}

interface Profile {
	userId: string;
	clientId: string;
	number: string;
	gemeente: GemeenteRef;
	kmId: string | null;
	segment: Segment | null;
	age: number;
	statushouder: boolean;
	benefitStart: Date;
	exemption: boolean;
	outflow: { date: Date; reason: OutflowReason } | null;
	activeEnd: Date;
}

export interface GeneratedRows {
	users: PgInsertValue<typeof user>[];
	identities: PgInsertValue<typeof authIdentity>[];
	clients: PgInsertValue<typeof client>[];
	ladder: PgInsertValue<typeof ladderStep>[];
	plans: PgInsertValue<typeof plan>[];
	steps: PgInsertValue<typeof planStep>[];
	uses: PgInsertValue<typeof instrumentUse>[];
	outflows: PgInsertValue<typeof outflow>[];
	appointments: PgInsertValue<typeof appointment>[];
}

const SEGMENT_SHARES: [Segment | null, number][] = [
	['werk', 17],
	['perspectief', 36],
	['meedoen', 40],
	[null, 7]
];
// Berkelland: < 27 14%, 27–35 16%, 35–45 20%, 45–55 25%, 55–65 25%.
const AGE_BANDS: [[number, number], number][] = [
	[[18, 26], 14],
	[[27, 34], 16],
	[[35, 44], 20],
	[[45, 54], 25],
	[[55, 66], 25]
];
// Benefit duration in years (Berkelland 2019); the last band is "more than five years".
const DURATION_BANDS: [[number, number], number][] = [
	[[0, 0.5], 15],
	[[0.5, 1], 8],
	[[1, 2], 13],
	[[2, 3], 10],
	[[3, 4], 10],
	[[4, 5], 7],
	[[5, 14], 37]
];
// Chosen so that overall about one client in six is a statushouder.
const STATUSHOUDER_P: Record<Segment | 'none', number> = {
	werk: 0.08,
	perspectief: 0.15,
	meedoen: 0.22,
	none: 0.2
};
// Chosen so that about 15% of clients have left the benefit.
const OUTFLOW_P: Record<Segment | 'none', number> = {
	werk: 0.32,
	perspectief: 0.17,
	meedoen: 0.07,
	none: 0.15
};
const LADDER: Record<Segment | 'none', [number, number][]> = {
	werk: [
		[3, 5],
		[4, 25],
		[5, 40],
		[6, 30]
	],
	perspectief: [
		[2, 15],
		[3, 45],
		[4, 35],
		[5, 5]
	],
	meedoen: [
		[1, 30],
		[2, 45],
		[3, 20],
		[4, 5]
	],
	none: [
		[1, 30],
		[2, 40],
		[3, 30]
	]
};

function weightedIndex(cumulative: number[], rng: Rng): number {
	const r = rng.next() * cumulative[cumulative.length - 1]!;
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid]! > r) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function cumulativeOf(weights: number[]): number[] {
	let sum = 0;
	return weights.map((w) => (sum += w));
}

function birthDateFor(rng: Rng, now: Date, age: number): Date {
	// Birthday already passed this year, so the age is exact on `now`.
	return daysAfter(yearsBefore(now, age), -rng.int(1, 360));
}

/** Generates the rows for `klantmanagerIds.length` clients. Pure apart from random UUIDs. */
export function generateClients(rng: Rng, ctx: GenerateContext, opts: ChunkOptions): GeneratedRows {
	const { now } = ctx;
	const out: GeneratedRows = {
		users: [],
		identities: [],
		clients: [],
		ladder: [],
		plans: [],
		steps: [],
		uses: [],
		outflows: [],
		appointments: []
	};
	const muniCumulative = cumulativeOf(ctx.gemeenteWeights);
	const profiles: Profile[] = [];
	const instrumentNames = new Map(ctx.instruments.map((i) => [i.id, i.name]));

	for (const [i, kmId] of opts.klantmanagerIds.entries()) {
		const m = ctx.gemeenten[weightedIndex(muniCumulative, rng)]!;
		const segment = rng.weighted(SEGMENT_SHARES);
		const seg = segment ?? 'none';
		const [minAge, maxAge] = rng.weighted(AGE_BANDS);
		const age = rng.int(minAge, maxAge);
		const statushouder = rng.chance(STATUSHOUDER_P[seg]);
		const female = rng.chance(0.54);
		const origin: Origin = statushouder
			? rng.weighted<Origin>([
					['sy', 55],
					['er', 28],
					['af', 17]
				])
			: rng.weighted<Origin>([
					['nl', 78],
					['ma', 8],
					['tr', 6],
					['pl', 3],
					['sr', 5]
				]);
		const home = HOME_LANGUAGE[origin];
		let language = 'nl';
		if (home && m.languages.includes(home[0]) && rng.chance(home[1])) language = home[0];
		else if (statushouder && m.languages.includes('en') && rng.chance(0.15)) language = 'en';

		const birth = birthDateFor(rng, now, age);
		const [dMin, dMax] = rng.weighted(DURATION_BANDS);
		// Statushouders arrived from 2014 on; nobody gets bijstand before 18.
		const years = statushouder
			? Math.min(dMin + rng.next() * (dMax - dMin), 9)
			: dMin + rng.next() * (dMax - dMin);
		let benefitStart = daysAfter(now, -Math.max(3, Math.round(years * 365.25)));
		const adult = daysAfter(yearsBefore(birth, -18), 30);
		if (benefitStart < adult)
			benefitStart = between(rng, adult, maxDate(adult, daysAfter(now, -3)));

		const exemption =
			(seg === 'meedoen' && rng.chance(0.3)) || (seg === 'perspectief' && rng.chance(0.05));
		const ladder = rng.weighted(LADDER[seg]);
		let applicationsPerWeek: number | null = null;
		if (!exemption && seg === 'werk')
			applicationsPerWeek = rng.weighted([
				[1, 15],
				[2, 40],
				[3, 25],
				[4, 20]
			]);
		else if (!exemption && seg === 'perspectief' && rng.chance(0.5))
			applicationsPerWeek = rng.int(1, 2);
		let agreedHours: number | null = null;
		if (ladder >= 5) agreedHours = rng.int(3, 9) * 4;
		else if (ladder === 4 && rng.chance(0.4)) agreedHours = rng.int(2, 5) * 4;

		const sinceStart = (now.getTime() - benefitStart.getTime()) / DAY_MS;
		let out_: Profile['outflow'] = null;
		if (sinceStart > 45 && rng.chance(OUTFLOW_P[seg])) {
			const date = between(
				rng,
				maxDate(daysAfter(benefitStart, 30), daysAfter(now, -730)),
				daysAfter(now, -1)
			);
			const reason = rng.weighted<OutflowReason>(
				seg === 'werk'
					? [
							['werk', 55],
							['werk_lks', 10],
							['opleiding', 8],
							['verhuizing', 15],
							['andere_uitkering', 5],
							['other', 7]
						]
					: [
							['werk', 35],
							['werk_lks', 8],
							['opleiding', 6],
							['verhuizing', 25],
							['andere_uitkering', 14],
							['other', 12]
						]
			);
			out_ = { date, reason };
		}

		const p: Profile = {
			userId: randomUUID(),
			clientId: randomUUID(),
			number: `WW-${opts.firstNumber + i}`,
			gemeente: m,
			kmId,
			segment,
			age,
			statushouder,
			benefitStart,
			exemption,
			outflow: out_,
			activeEnd: out_?.date ?? now
		};
		profiles.push(p);

		out.users.push({
			id: p.userId,
			displayName: personName(rng, origin, female),
			email: null,
			roles: ['client'],
			language,
			createdAt: benefitStart
		});
		out.identities.push({
			userId: p.userId,
			provider: 'password',
			subject: p.number.toLowerCase(),
			passwordHash: ctx.passwordHash
		});
		out.clients.push({
			id: p.clientId,
			userId: p.userId,
			clientNumber: p.number,
			gemeenteId: m.id,
			klantmanagerId: kmId,
			segment,
			ladderStep: ladder,
			birthDate: amsterdamDay(birth),
			statushouder,
			benefitStart: amsterdamDay(benefitStart),
			exemptionReason: exemption ? rng.pick(EXEMPTION_REASONS) : null,
			exemptionReviewDate: exemption
				? amsterdamDay(daysAfter(now, rng.chance(0.06) ? -rng.int(1, 60) : rng.int(30, 360)))
				: null,
			applicationsPerWeek,
			agreedHoursPerWeek: agreedHours,
			tegenprestatie:
				(seg === 'meedoen' && rng.chance(0.1)) || (seg === 'perspectief' && rng.chance(0.05)),
			createdAt: benefitStart
		});

		// Ladder history: most clients stay put, some climb, a few fall back.
		const firstAt = daysAfter(benefitStart, 30);
		const lastAt = daysAfter(p.activeEnd, -7);
		const moves =
			firstAt < daysAfter(lastAt, -60)
				? rng.weighted([
						[0, 55],
						[1, 35],
						[2, 10]
					])
				: 0;
		const history = [ladder];
		for (let k = 0; k < moves; k++) {
			const prev = history[0]!;
			history.unshift(Math.min(6, Math.max(1, rng.chance(0.75) ? prev - 1 : prev + 1)));
		}
		let at = minDate(firstAt, now);
		for (const [k, step] of history.entries()) {
			if (k > 0) at = between(rng, daysAfter(at, 30), maxDate(daysAfter(at, 31), lastAt));
			out.ladder.push({
				clientId: p.clientId,
				step,
				recordedAt: amsterdamDay(minDate(at, now)),
				recordedBy: kmId
			});
		}

		if (out_) {
			out.outflows.push({
				clientId: p.clientId,
				benefitStart: amsterdamDay(benefitStart),
				date: amsterdamDay(out_.date),
				reason: out_.reason,
				createdBy: kmId,
				createdAt: out_.date
			});
		}
	}

	// Instrument uses, spread over clients with a weight per segment (multinomial).
	const useWeights = profiles.map((p) =>
		p.segment === 'werk'
			? 1.2
			: p.segment === 'perspectief'
				? 1.5
				: p.segment === 'meedoen'
					? 0.8
					: 0.3
	);
	const useCumulative = cumulativeOf(useWeights);
	const usesByClient = new Map<string, { id: string; end: Date | null }[]>();
	const workOutflowHasUse = new Set<string>();
	for (let n = 0; n < opts.instrumentUses && profiles.length > 0; n++) {
		const p = profiles[weightedIndex(useCumulative, rng)]!;
		const options = ctx.instruments.filter(
			(i) => profileOf(i.code).weight > 0 && eligible(i, p.segment, p.age, p.statushouder)
		);
		if (options.length === 0) continue;
		const inst = rng.weighted(
			options.map((i) => {
				let w = profileOf(i.code).weight;
				if (p.statushouder && /^taal|inburgering|maatschappelijke/.test(i.code)) w *= 4;
				return [i, w] as const;
			})
		);
		const prof = profileOf(inst.code);
		const days = rng.int(prof.days[0], prof.days[1]);
		const earliest = maxDate(p.benefitStart, daysAfter(now, -3 * 365));
		let start: Date;
		let end: Date | null = null;
		let outcome: InstrumentOutcome | null = null;
		let outcomeReason: string | null = null;
		const toWork = p.outflow && (p.outflow.reason === 'werk' || p.outflow.reason === 'werk_lks');
		if (toWork && !workOutflowHasUse.has(p.clientId)) {
			// Clients who left for work mostly did so shortly after finishing help.
			workOutflowHasUse.add(p.clientId);
			end = maxDate(daysAfter(p.outflow!.date, -rng.int(0, 150)), daysAfter(p.benefitStart, 2));
			start = maxDate(daysAfter(end, -days), p.benefitStart);
			outcome = rng.chance(0.6) ? 'work_found' : 'completed';
		} else {
			start = between(rng, earliest, daysAfter(p.activeEnd, -1));
			const planned = daysAfter(start, days);
			if (planned <= p.activeEnd) {
				outcome = rng.weighted<InstrumentOutcome>(
					p.segment === 'werk'
						? [
								['completed', 45],
								['stopped_early', 15],
								['work_found', 30],
								['other', 10]
							]
						: [
								['completed', 58],
								['stopped_early', 22],
								['work_found', 10],
								['other', 10]
							]
				);
				end =
					outcome === 'stopped_early'
						? daysAfter(start, Math.max(1, Math.round(days * (0.2 + rng.next() * 0.6))))
						: planned;
				if (outcome === 'stopped_early' || outcome === 'other')
					outcomeReason = rng.pick(STOP_REASONS);
			} else if (p.outflow) {
				end = p.outflow.date;
				outcome = toWork ? 'work_found' : 'other';
				outcomeReason = toWork ? null : 'Uitkering beëindigd';
			}
		}
		const id = randomUUID();
		out.uses.push({
			id,
			clientId: p.clientId,
			instrumentId: inst.id,
			provider: prof.provider,
			startDate: amsterdamDay(start),
			plannedEndDate: amsterdamDay(daysAfter(start, days)),
			endDate: end ? amsterdamDay(end) : null,
			outcome,
			outcomeReason,
			createdBy: p.kmId,
			createdAt: start
		});
		const list = usesByClient.get(p.clientId) ?? [];
		list.push({ id: inst.id, end });
		usesByClient.set(p.clientId, list);
	}

	// Plans with steps for most clients.
	for (const p of profiles) {
		const seg = p.segment ?? 'none';
		if (p.activeEnd.getTime() - p.benefitStart.getTime() < 14 * DAY_MS || !rng.chance(0.85))
			continue;
		const created = between(
			rng,
			maxDate(daysAfter(p.benefitStart, 14), daysAfter(p.activeEnd, -540)),
			daysAfter(p.activeEnd, -7)
		);
		const status: PlanStatus = p.outflow
			? 'closed'
			: rng.weighted<PlanStatus>([
					['draft', 7],
					['shared', 13],
					['agreed', 80]
				]);
		const version = rng.weighted([
			[1, 55],
			[2, 30],
			[3, 15]
		]);
		const sharedAt = status === 'draft' ? null : minDate(daysAfter(created, rng.int(1, 7)), now);
		let agreedAt: Date | null = null;
		let agreedVersion: number | null = null;
		if (sharedAt && (status === 'agreed' || (status === 'closed' && rng.chance(0.85)))) {
			agreedAt = minDate(daysAfter(sharedAt, rng.int(0, 14)), now);
			agreedVersion = version;
		} else if (sharedAt && status === 'shared' && version > 1) {
			agreedAt = daysAfter(sharedAt, -rng.int(30, 120));
			agreedVersion = version - 1;
		}
		const base = agreedAt ?? sharedAt ?? created;
		const planId = randomUUID();
		out.plans.push({
			id: planId,
			clientId: p.clientId,
			goal: rng.pick(GOALS[seg]),
			status,
			version,
			sharedAt,
			agreedAt,
			agreedVersion,
			reviewDate: amsterdamDay(daysAfter(base, seg === 'werk' ? 91 : 182)),
			updatedAt: maxDate(base, p.outflow?.date ?? base),
			createdAt: created
		});
		const pool = [...STEPS[seg], ...STEPS.none];
		rng.shuffle(pool);
		const linked = (usesByClient.get(p.clientId) ?? []).slice(0, 2);
		const count = Math.min(pool.length, rng.int(3, 6) - linked.length);
		const horizon = p.outflow ? p.outflow.date : daysAfter(now, 60);
		const titles: [string, StepOwner, string | null][] = [
			...linked.map(
				(u) =>
					[`Meedoen met: ${instrumentNames.get(u.id) ?? 'traject'}`, 'partner', u.id] as [
						string,
						StepOwner,
						string
					]
			),
			...pool
				.slice(0, Math.max(1, count))
				.map(([t, o]) => [t, o, null] as [string, StepOwner, null])
		];
		const dues = titles
			.map(() => between(rng, daysAfter(created, 7), horizon))
			.sort((a, b) => a.getTime() - b.getTime());
		for (const [k, [title, owner, instrumentId]] of titles.entries()) {
			const due = dues[k]!;
			const past = due <= now;
			const done = past ? rng.chance(p.outflow ? 0.9 : 0.75) : rng.chance(0.15);
			const doneAt = done
				? past
					? maxDate(daysAfter(due, -rng.int(0, 10)), created)
					: between(rng, created, now)
				: null;
			out.steps.push({
				planId,
				position: k + 1,
				title,
				owner,
				dueDate: amsterdamDay(due),
				status: done ? 'done' : 'todo',
				doneAt,
				instrumentId,
				createdAt: created
			});
		}
	}

	// Appointments: past ones held (mostly), upcoming ones planned, for active clients.
	const apptWeights = profiles.map((p) => (p.outflow ? 0.4 : 1) * (p.segment === 'werk' ? 1.3 : 1));
	const apptCumulative = cumulativeOf(apptWeights);
	for (let n = 0; n < opts.appointments && profiles.length > 0; n++) {
		const p = profiles[weightedIndex(apptCumulative, rng)]!;
		const upcoming = !p.outflow && rng.chance(0.22);
		let day = upcoming
			? daysAfter(now, rng.int(1, 21))
			: between(rng, maxDate(p.benefitStart, daysAfter(now, -730)), daysAfter(p.activeEnd, -1));
		day = workingDay(day, upcoming);
		const kind = rng.weighted<AppointmentKind>([
			['in_person', 55],
			['phone', 30],
			['video', 10],
			['home_visit', 5]
		]);
		const startsAt = amsterdamInstantOn(day, rng.int(9, 15), rng.chance(0.5) ? 0 : 30);
		const future = startsAt > now;
		const minutes = kind === 'phone' ? 30 : rng.pick([30, 45, 60]);
		out.appointments.push({
			clientId: p.clientId,
			staffId: p.kmId ?? opts.fallbackStaffId,
			startsAt,
			endsAt: new Date(startsAt.getTime() + minutes * 60_000),
			kind,
			place:
				kind === 'in_person'
					? officeAddress(p.gemeente)
					: kind === 'home_visit'
						? 'Bij je thuis'
						: null,
			videoUrl: kind === 'video' ? `https://video.wegwijs.example/${rng.hex(10)}` : null,
			purpose:
				kind === 'home_visit'
					? 'Huisbezoek: kennismaken in je eigen omgeving'
					: p.exemption && rng.chance(0.3)
						? 'Herbeoordeling van je ontheffing'
						: rng.pick(PURPOSES),
			bring: kind === 'phone' ? null : rng.pick(BRING),
			status: future
				? 'planned'
				: rng.weighted([
						['held', 85],
						['cancelled', 8],
						['no_show', 7]
					] as const),
			createdAt: daysAfter(startsAt, -rng.int(3, 28))
		});
	}
	return out;
}

export async function insertGenerated(db: Db, rows: GeneratedRows): Promise<void> {
	await insertMany(db, user, rows.users);
	await insertMany(db, authIdentity, rows.identities);
	await insertMany(db, client, rows.clients);
	await insertMany(db, ladderStep, rows.ladder);
	await insertMany(db, plan, rows.plans);
	await insertMany(db, planStep, rows.steps);
	await insertMany(db, instrumentUse, rows.uses);
	await insertMany(db, outflow, rows.outflows);
	await insertMany(db, appointment, rows.appointments);
}

/** The numeric part of the next free 'WW-' client number (at least `floor`). */
export async function nextClientNumber(db: Db, floor: number): Promise<number> {
	const [row] = await db
		.select({
			max: sql<string | null>`max(substring(${client.clientNumber} from 4)::bigint)`
		})
		.from(client)
		.where(sql`${client.clientNumber} ~ '^WW-[0-9]+$'`);
	return Math.max(floor, Number(row?.max ?? 0) + 1);
}

// ── Surveys ───────────────────────────────────────────────────────────────────

type SurveyItem = { code: string; type: 'agree5' | 'grade10' | 'open' };

/** The item bank in Dutch (DOMAIN.md "Surveys"); see survey-texts.ts for the other languages. */
export const SURVEY_ITEM_TEXTS: Record<string, string> = SURVEY_TEXTS.nl;

const agree = (code: string): SurveyItem => ({ code, type: 'agree5' });
export const DEFAULT_SURVEY_ITEMS: Record<SurveyTrigger, SurveyItem[]> = {
	appointment: [agree('serious'), agree('together'), agree('easy'), { code: 'open', type: 'open' }],
	instrument_end: [
		agree('serious'),
		agree('together'),
		agree('easy'),
		agree('fits'),
		agree('closer'),
		{ code: 'open', type: 'open' }
	],
	periodic: [
		agree('serious'),
		agree('together'),
		agree('fits'),
		agree('closer'),
		agree('rights'),
		{ code: 'grade', type: 'grade10' },
		{ code: 'open', type: 'open' }
	]
};

export interface SurveyRef {
	id: string;
	trigger: SurveyTrigger;
	items: SurveyItem[];
}

/**
 * Uses the active (else the newest) survey per trigger; inserts version 1 from the item bank
 * for a trigger that has none.
 */
export async function ensureSurveys(db: Db): Promise<Record<SurveyTrigger, SurveyRef>> {
	const result = {} as Record<SurveyTrigger, SurveyRef>;
	for (const trigger of ['appointment', 'instrument_end', 'periodic'] as const) {
		const existing = await db
			.select()
			.from(survey)
			.where(eq(survey.trigger, trigger))
			.orderBy(sql`${survey.active} desc, ${survey.version} desc`)
			.limit(1);
		let row = existing[0];
		if (!row) {
			const items = DEFAULT_SURVEY_ITEMS[trigger];
			[row] = await db
				.insert(survey)
				.values({ trigger, version: 1, items, active: true })
				.onConflictDoNothing()
				.returning();
			row ??= (
				await db
					.select()
					.from(survey)
					.where(and(eq(survey.trigger, trigger), eq(survey.version, 1)))
			)[0]!;
		}
		// Every language of the item bank the survey lacks (a translation added later too).
		const texts = (Object.keys(SURVEY_TEXTS) as (keyof typeof SURVEY_TEXTS)[]).flatMap(
			(language) => {
				const bank = SURVEY_TEXTS[language];
				if (!row!.items.every((i) => bank[i.code])) return [];
				return [
					{
						surveyId: row!.id,
						language,
						questions: Object.fromEntries(row!.items.map((i) => [i.code, bank[i.code]!])),
						// Concept in every language, Dutch too: only a named person checks a text (#17).
						status: 'concept' as const,
						checkedAt: null
					}
				];
			}
		);
		await db.insert(surveyText).values(texts).onConflictDoNothing();
		result[trigger] = { id: row.id, trigger, items: row.items };
	}
	return result;
}

const OPEN_ANSWERS: Record<string, string[]> = {
	nl: [
		'Mijn klantmanager luistert goed naar mij.',
		'Het duurt lang voordat ik antwoord krijg.',
		'Ik wil graag vaker contact met mijn klantmanager.',
		'De training was nuttig, ik heb veel geleerd.',
		'Ik heb dit jaar drie verschillende klantmanagers gehad.',
		'Telefonisch is de dienst slecht bereikbaar.',
		'De brieven zijn moeilijk te begrijpen.',
		'Fijn dat ik mijn afspraken in de app kan zien.'
	],
	en: ['The app is easy to use.', 'I would like more help finding work.'],
	ar: ['شكراً على المساعدة.', 'أحتاج إلى مساعدة في فهم الرسائل.']
};

const ITEM_BASE: Record<string, number> = {
	serious: 0.35,
	together: 0.05,
	easy: -0.1,
	fits: -0.05,
	closer: -0.55,
	rights: 0.1
};

/** Anonymous answer sets: no client id, only gemeente, quarter, segment, instrument, language. */
export function generateSurveyResponses(
	rng: Rng,
	ctx: GenerateContext,
	surveys: Record<SurveyTrigger, SurveyRef>,
	count: number
): {
	responses: PgInsertValue<typeof surveyResponse>[];
	open: PgInsertValue<typeof surveyOpenAnswer>[];
} {
	const responses: PgInsertValue<typeof surveyResponse>[] = [];
	const open: PgInsertValue<typeof surveyOpenAnswer>[] = [];
	const muniCumulative = cumulativeOf(ctx.gemeenteWeights);
	const quarters: string[] = [];
	for (let q = 7; q >= 0; q--) {
		const d = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - q * 3, 15));
		quarters.push(quarterOfInstant(d));
	}
	for (let n = 0; n < count; n++) {
		const mi = weightedIndex(muniCumulative, rng);
		const m = ctx.gemeenten[mi]!;
		const qi = rng.weighted(quarters.map((_, i) => [i, 8 + i] as const));
		const trigger = rng.weighted<SurveyTrigger>([
			['appointment', 50],
			['instrument_end', 20],
			['periodic', 30]
		]);
		const segment = rng.weighted(SEGMENT_SHARES);
		const age = rng.int(18, 66);
		const statushouder = rng.chance(1 / 6);
		let instrumentId: string | null = null;
		if (trigger === 'instrument_end') {
			const options = ctx.instruments.filter(
				(i) => profileOf(i.code).weight > 0 && eligible(i, segment, age, statushouder)
			);
			if (options.length)
				instrumentId = rng.weighted(options.map((i) => [i.id, profileOf(i.code).weight] as const));
		}
		const language =
			m.languages.includes('ar') && rng.chance(0.1)
				? 'ar'
				: m.languages.includes('en') && rng.chance(0.04)
					? 'en'
					: 'nl';
		// A latent satisfaction per answer set; gemeenten and segments differ a little, and it
		// improves slowly over the quarters so trends and norm colours have something to show.
		const latent =
			rng.normal() * 0.85 +
			([0.15, 0, -0.2][mi] ?? 0) +
			(segment === 'werk' ? 0.1 : segment === 'meedoen' ? -0.2 : segment === null ? -0.1 : 0) +
			qi * 0.03;
		const s = surveys[trigger];
		const answers: Record<string, number> = {};
		for (const item of s.items) {
			if (item.type === 'agree5') {
				answers[item.code] = rng.chance(0.06)
					? 0
					: Math.min(
							5,
							Math.max(
								1,
								Math.round(3.85 + (ITEM_BASE[item.code] ?? 0) + latent + rng.normal() * 0.7)
							)
						);
			} else if (item.type === 'grade10') {
				answers[item.code] = Math.min(
					10,
					Math.max(1, Math.round(7 + latent * 1.2 + rng.normal() * 0.8))
				);
			}
		}
		responses.push({
			gemeenteId: m.id,
			quarter: quarters[qi]!,
			segment,
			instrumentId,
			trigger,
			language,
			surveyId: s.id,
			answers,
			late: rng.chance(0.04)
		});
		if (s.items.some((i) => i.type === 'open') && rng.chance(trigger === 'periodic' ? 0.1 : 0.04)) {
			open.push({
				gemeenteId: m.id,
				quarter: quarters[qi]!,
				language,
				text: rng.pick(OPEN_ANSWERS[language] ?? OPEN_ANSWERS.nl!)
			});
		}
	}
	return { responses, open };
}

// ── Staff ─────────────────────────────────────────────────────────────────────

async function createKlantmanagers(
	db: Db,
	rng: Rng,
	count: number,
	passwordHash: string
): Promise<string[]> {
	const [row] = await db
		.select({
			max: sql<
				string | null
			>`max(substring(${user.email} from '^klantmanager\\.([0-9]+)@wegwijs\\.example$')::int)`
		})
		.from(user);
	const first = Number(row?.max ?? 0) + 1;
	const teams: PgInsertValue<typeof team>[] = [];
	const users: PgInsertValue<typeof user>[] = [];
	const identities: PgInsertValue<typeof authIdentity>[] = [];
	const ids: string[] = [];
	let teamId = '';
	for (let i = 0; i < count; i++) {
		const id = randomUUID();
		const seq = first + i;
		if (i % 8 === 0) {
			teamId = randomUUID();
			teams.push({ id: teamId, name: `Team ${Math.floor((seq - 1) / 8) + 1}`, leadUserId: id });
		}
		const email = `klantmanager.${seq}@wegwijs.example`;
		const origin = rng.weighted<Origin>([
			['nl', 80],
			['ma', 8],
			['tr', 6],
			['sr', 6]
		]);
		users.push({
			id,
			displayName: personName(rng, origin, rng.chance(0.65)),
			email,
			roles: ['klantmanager'],
			language: 'nl',
			teamId,
			phone: `088 555 ${String(1000 + (seq % 9000)).padStart(4, '0')}`,
			reachableHours: rng.pick(REACHABLE)
		});
		identities.push({ userId: id, provider: 'password', subject: email, passwordHash });
		ids.push(id);
	}
	await insertMany(db, team, teams);
	await insertMany(db, user, users);
	await insertMany(db, authIdentity, identities);
	return ids;
}

/** Caseloads of 70–200 (a few big meedoen caseloads), scaled to add up to `clients`. */
export function caseloads(rng: Rng, klantmanagers: number, clients: number): number[] {
	const raw = Array.from({ length: klantmanagers }, () => 70 + 130 * rng.next() ** 3);
	const total = raw.reduce((a, b) => a + b, 0);
	const exact = raw.map((r) => (r / total) * clients);
	const counts = exact.map(Math.floor);
	let left = clients - counts.reduce((a, b) => a + b, 0);
	const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) {
		if (left-- <= 0) break;
		counts[i]!++;
	}
	return counts;
}

/** PGlite's queries settle as microtasks only; without this, timers and signals wait. */
function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

// ── Entry point ───────────────────────────────────────────────────────────────

export const seedLargeOptionsSchema = z.object({
	clients: z.number().int().min(0).max(2_000_000),
	klantmanagers: z.number().int().min(1).max(50_000).optional(),
	surveyAnswers: z.number().int().min(0).max(10_000_000).optional(),
	instrumentUses: z.number().int().min(0).max(20_000_000).optional(),
	appointments: z.number().int().min(0).max(50_000_000).optional(),
	seed: z.number().int().optional(),
	now: z.date().optional(),
	chunkSize: z.number().int().min(1).max(20_000).optional()
});

export type SeedLargeOptions = z.input<typeof seedLargeOptionsSchema> & {
	onProgress?: (done: number, total: number, stage: string) => void;
};

export interface SeedLargeResult {
	clients: number;
	klantmanagers: number;
	ladderSteps: number;
	plans: number;
	planSteps: number;
	instrumentUses: number;
	outflows: number;
	appointments: number;
	surveyResponses: number;
	openAnswers: number;
}

/**
 * Adds a large, realistic data set for benchmarks to whatever is in the database: new
 * klantmanagers with their own caseloads, clients with history, and anonymous answers.
 */
export async function seedLarge(db: Db, options: SeedLargeOptions): Promise<SeedLargeResult> {
	const { onProgress } = options;
	const o = seedLargeOptionsSchema.parse({ ...options, onProgress: undefined });
	const now = o.now ?? new Date();
	const rng = new Rng(o.seed ?? 20_260_101);
	const clients = o.clients;
	const kmCount = o.klantmanagers ?? Math.max(1, Math.round(clients / 100));
	const totals = {
		instrumentUses: o.instrumentUses ?? Math.round(clients * 1.3),
		appointments: o.appointments ?? clients * 3,
		surveyAnswers: o.surveyAnswers ?? Math.round(clients * 0.8)
	};
	const result: SeedLargeResult = {
		clients: 0,
		klantmanagers: 0,
		ladderSteps: 0,
		plans: 0,
		planSteps: 0,
		instrumentUses: 0,
		outflows: 0,
		appointments: 0,
		surveyResponses: 0,
		openAnswers: 0
	};

	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const gemeenten = await ensureGemeenten(db);
	await seedInstruments(db);
	const instruments = await loadInstrumentRefs(db);
	const surveys = await ensureSurveys(db);
	const kmIds = clients > 0 ? await createKlantmanagers(db, rng, kmCount, passwordHash) : [];
	result.klantmanagers = kmIds.length;

	// Larger gemeenten first, like a dienst with one centre town and smaller neighbours.
	const ctx: GenerateContext = {
		now,
		gemeenten,
		gemeenteWeights: gemeenten.map((_, i) => [50, 30, 20][i] ?? 15),
		instruments,
		passwordHash
	};
	const assignment = rng.shuffle(
		caseloads(rng, kmIds.length, clients).flatMap((n, i) => Array<string>(n).fill(kmIds[i]!))
	);
	const firstNumber = await nextClientNumber(db, 200_001);
	const chunk = o.chunkSize ?? 2500;
	if (clients > 0) onProgress?.(0, clients, 'cliënten');
	const share = (total: number, from: number, to: number) =>
		Math.round((total * to) / clients) - Math.round((total * from) / clients);

	for (let from = 0; from < clients; from += chunk) {
		const to = Math.min(clients, from + chunk);
		const rows = generateClients(rng, ctx, {
			firstNumber: firstNumber + from,
			klantmanagerIds: assignment.slice(from, to),
			instrumentUses: share(totals.instrumentUses, from, to),
			appointments: share(totals.appointments, from, to),
			fallbackStaffId: kmIds[0]!
		});
		await db.transaction(async (tx) => insertGenerated(tx, rows));
		result.clients += rows.clients.length;
		result.ladderSteps += rows.ladder.length;
		result.plans += rows.plans.length;
		result.planSteps += rows.steps.length;
		result.instrumentUses += rows.uses.length;
		result.outflows += rows.outflows.length;
		result.appointments += rows.appointments.length;
		onProgress?.(to, clients, 'cliënten');
		await yieldToEventLoop();
	}

	const surveyChunk = 10_000;
	if (totals.surveyAnswers > 0) onProgress?.(0, totals.surveyAnswers, 'vragenlijsten');
	for (let from = 0; from < totals.surveyAnswers; from += surveyChunk) {
		const n = Math.min(surveyChunk, totals.surveyAnswers - from);
		const { responses, open } = generateSurveyResponses(rng, ctx, surveys, n);
		await db.transaction(async (tx) => {
			await insertMany(tx, surveyResponse, responses);
			await insertMany(tx, surveyOpenAnswer, open);
		});
		result.surveyResponses += responses.length;
		result.openAnswers += open.length;
		onProgress?.(from + n, totals.surveyAnswers, 'vragenlijsten');
		await yieldToEventLoop();
	}
	// The report reads the running counts; recount them once after the bulk insert.
	if (totals.surveyAnswers > 0) await rebuildTally(db);
	return result;
}
