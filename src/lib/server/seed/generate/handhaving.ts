// Besluiten (handhaving) for generated clients (issue #13 §7): a few maatregelen, boetes and
// terugvorderingen per quarter on the benefit, so the council report's handhaving table has
// figures. Drawn from their own random sequence (seeded by the chunk's first client number), so
// the rest of the generated data set stays exactly what it was.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { handhaving, MaatregelGround } from '../../db/schema';
import { addDays, amsterdamDay, daysAfter } from '../../../dates';
import { addMonths } from '../../report/indicators';
import { Rng } from './random';

export interface HandhavingProfile {
	clientId: string;
	kmId: string | null;
	benefitStart: Date;
	/** The last day on the benefit (outflow) or now. */
	activeEnd: Date;
}

/** Chance per client and quarter on the benefit (the project's own assumption, not a statistic). */
const P = { maatregel: 0.015, boete: 0.004, terugvordering: 0.01 };
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
	fallbackStaffId: string
): PgInsertValue<typeof handhaving>[] {
	const rng = new Rng(seed);
	const out: PgInsertValue<typeof handhaving>[] = [];
	const today = amsterdamDay(now);
	for (const p of profiles) {
		const by = p.kmId ?? fallbackStaffId;
		for (let q = 0; q < QUARTERS_BACK; q++) {
			const from = Math.max(daysAfter(now, -(q + 1) * 91).getTime(), p.benefitStart.getTime());
			const to = Math.min(daysAfter(now, -q * 91).getTime(), p.activeEnd.getTime());
			if (to <= from) continue;
			for (const kind of ['maatregel', 'boete', 'terugvordering'] as const) {
				if (!rng.chance(P[kind])) continue;
				const decidedOn = amsterdamDay(new Date(from + rng.next() * (to - from)));
				const base = { clientId: p.clientId, decidedOn, createdBy: by };
				let row: PgInsertValue<typeof handhaving>;
				if (kind === 'maatregel') {
					const ground = rng.weighted<MaatregelGround>([
						['arbeid', 50],
						['verplichtingen', 40],
						['verantwoordelijkheid', 10]
					]);
					// Arbeidsverplichtingen: 100% (art. 18 lid 4); the others as a verordening might.
					const percentage =
						ground === 'arbeid'
							? 100
							: rng.weighted([
									[20, 50],
									[50, 30],
									[100, 20]
								]);
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
					const euros = kind === 'boete' ? rng.int(50, 2000) : rng.int(100, 8000);
					row = { ...base, kind, amountCents: euros * 100, reason: rng.pick(REASONS[kind]) };
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
