// Reference data for generated clients: gemeenten, instruments and who may use them.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { instrument, instrumentText, gemeente, type Segment } from '../../db/schema';

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
export const INSTRUMENT_PROFILE: Record<
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

export function profileOf(code: string) {
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
