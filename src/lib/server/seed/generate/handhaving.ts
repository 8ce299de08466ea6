// Besluiten (handhaving) for generated clients (issue #13 §7): maatregelen, boetes and
// terugvorderingen per quarter on the benefit, so the council report's handhaving tables have
// figures. Drawn from their own random sequence (seeded by the chunk's first client number), so
// the rest of the generated data set stays exactly what it was. Two mixes: the demo's few
// (unchanged: the e2e specs read the demo) and the bulk generator's, which at full scale
// (50,000 clients over three gemeenten) fills every handhaving table with figures of 10 or more.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { handhaving, HandhavingKind, MaatregelGround } from '../../db/schema';
import { addDays, amsterdamDay, daysAfter } from '../../../dates';
import { quarterOfDay } from '../../../quarters';
import { addMonths } from '../../report/indicators';
import { Rng } from './random';

export interface HandhavingProfile {
	clientId: string;
	kmId: string | null;
	benefitStart: Date;
	/** The last day on the benefit (outflow) or now. */
	activeEnd: Date;
}

/** How often and what kind of besluiten (the project's own assumptions, not a statistic). */
export interface HandhavingMix {
	/** Chance per client and quarter on the benefit, per kind. */
	perQuarter: Record<HandhavingKind, number>;
	/** Weights of the grounds of a maatregel. */
	grounds: [MaatregelGround, number][];
	/** The percentage of a maatregel on this ground. */
	percentage: (rng: Rng, ground: MaatregelGround) => number;
	/** The amount of a boete or terugvordering, in cents. */
	amountCents: (rng: Rng, kind: 'boete' | 'terugvordering') => number;
}

/** The demo's besluiten: a few, drawn exactly as before the bulk mix existed. */
export const DEMO_MIX: HandhavingMix = {
	perQuarter: { maatregel: 0.015, boete: 0.004, terugvordering: 0.01 },
	grounds: [
		['arbeid', 50],
		['verplichtingen', 40],
		['verantwoordelijkheid', 10]
	],
	// Arbeidsverplichtingen: 100% (art. 18 lid 4); the others as a verordening might.
	percentage: (rng, ground) =>
		ground === 'arbeid'
			? 100
			: rng.weighted([
					[20, 50],
					[50, 30],
					[100, 20]
				]),
	amountCents: (rng, kind) => (kind === 'boete' ? rng.int(50, 2000) : rng.int(100, 8000)) * 100
};

/** An amount in cents from one of the brackets [from, to, weight] in euros, log-uniform in it. */
function amountFrom(rng: Rng, brackets: [number, number, number][]): number {
	const [from, to] = rng.weighted(brackets.map(([a, b, w]) => [[a, b] as const, w] as const));
	return Math.round(from * 100 * (to / from) ** rng.next());
}

/**
 * The bulk generator's besluiten: enough that at full scale the smallest gemeente (a fifth of
 * 50,000 clients; by the generator's duration bands some 6,000 or more on the benefit even in
 * the oldest of the eight trend quarters) has 10 or more in every cell of every handhaving table
 * in every quarter: kinds, grounds, percentage bands (a written warning without lowering, 0%,
 * too) and so the sums. About 12% of clients a year get a maatregel (a strict gemeente), 3% a
 * boete, 6% a terugvordering. Amounts mostly small, some large: a terugvordering over a long
 * period not passed on runs to tens of thousands of euros, a boete to several thousand.
 */
export const BULK_MIX: HandhavingMix = {
	perQuarter: { maatregel: 0.03, boete: 0.008, terugvordering: 0.015 },
	grounds: [
		['arbeid', 45],
		['verplichtingen', 37],
		['verantwoordelijkheid', 18]
	],
	percentage: (rng, ground) =>
		ground === 'arbeid'
			? 100
			: rng.weighted([
					[0, 25],
					[10, 5],
					[20, 30],
					[30, 5],
					[50, 20],
					[100, 15]
				]),
	amountCents: (rng, kind) =>
		kind === 'boete'
			? amountFrom(rng, [
					[50, 750, 70],
					[750, 3000, 25],
					[3000, 15000, 5]
				])
			: amountFrom(rng, [
					[100, 2500, 60],
					[2500, 10000, 30],
					[10000, 60000, 10]
				])
};
/** How far back besluiten are generated. */
const QUARTERS_BACK = 12;

const REASONS = {
	arbeid: [
		'Twee keer niet naar een sollicitatiegesprek gegaan zonder bericht.',
		'Passend werk geweigerd.'
	],
	verplichtingen: [
		'Drie keer niet op een afspraak gekomen zonder bericht.',
		'Niet meegewerkt aan het plan van aanpak.'
	],
	verantwoordelijkheid: ['Werk zelf opgezegd, zodat er een uitkering nodig was.'],
	boete: ['Inkomsten uit werk niet op tijd doorgegeven.', 'Samenwonen niet doorgegeven.'],
	terugvordering: [
		'Te veel uitkering gekregen door inkomsten die later bekend werden.',
		'Te veel uitkering gekregen na een verhuizing.'
	]
};

export function generateHandhaving(
	profiles: HandhavingProfile[],
	now: Date,
	seed: number,
	fallbackStaffId: string,
	mix: HandhavingMix = DEMO_MIX
): PgInsertValue<typeof handhaving>[] {
	const rng = new Rng(seed);
	const out: PgInsertValue<typeof handhaving>[] = [];
	const today = amsterdamDay(now);
	// The windows' edges once, not per client (the same instants as before).
	const edges = Array.from({ length: QUARTERS_BACK + 1 }, (_, q) =>
		daysAfter(now, -q * 91).getTime()
	);
	for (const p of profiles) {
		const by = p.kmId ?? fallbackStaffId;
		const start = p.benefitStart.getTime();
		const end = p.activeEnd.getTime();
		for (let q = 0; q < QUARTERS_BACK; q++) {
			const from = Math.max(edges[q + 1]!, start);
			const to = Math.min(edges[q]!, end);
			if (to <= from) continue;
			for (const kind of ['maatregel', 'boete', 'terugvordering'] as const) {
				if (!rng.chance(mix.perQuarter[kind])) continue;
				const decidedOn = amsterdamDay(new Date(from + rng.next() * (to - from)));
				// Seeded history: nothing is published yet, so each counts in its own quarter.
				const countedInQuarter = quarterOfDay(decidedOn);
				const base = { clientId: p.clientId, decidedOn, countedInQuarter, createdBy: by };
				let row: PgInsertValue<typeof handhaving>;
				if (kind === 'maatregel') {
					const ground = rng.weighted<MaatregelGround>(mix.grounds);
					const percentage = mix.percentage(rng, ground);
					const months = rng.weighted([
						[1, 70],
						[2, 20],
						[3, 10]
					]);
					const periodStart = addMonths(decidedOn.slice(0, 8) + '01', 1);
					row = {
						...base,
						kind,
						ground,
						percentage,
						periodStart,
						periodEnd: addDays(addMonths(periodStart, months), -1),
						reason: rng.pick(REASONS[ground])
					};
				} else {
					const amountCents = mix.amountCents(rng, kind);
					row = { ...base, kind, amountCents, reason: rng.pick(REASONS[kind]) };
				}
				// Now and then a bezwaar is upheld and the besluit withdrawn.
				const withdrawnOn = addDays(decidedOn, rng.int(30, 90));
				if (rng.chance(0.05) && withdrawnOn <= today)
					Object.assign(row, {
						withdrawnOn,
						withdrawnReason: 'Bezwaar gegrond verklaard.',
						withdrawnBy: by
					});
				out.push(row);
			}
		}
	}
	return out;
}
