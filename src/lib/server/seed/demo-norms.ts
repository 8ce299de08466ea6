import type { Db } from '../db/open';
import { norm } from '../db/schema';
import { NORM_INDICATORS } from '../report/norms';

// Demo norms (issue #13 point 6): so the report's colours, "te weinig antwoorden" and
// "onzeker" can be seen on the demo data. Example values chosen for the demo, not a raad's
// decision: the norms page says who set them (the demo admin) and they can be changed there.
// Percentages in whole percents; the rapportcijfer in tenths (7,0 is 70), as `norm` stores them.

export const DEMO_NORMS: Record<(typeof NORM_INDICATORS)[number]['code'], [number, number]> = {
	'agree.serious': [75, 65],
	'agree.together': [75, 65],
	'agree.easy': [75, 65],
	'agree.fits': [75, 65],
	'agree.closer': [60, 50],
	'agree.rights': [75, 65],
	'grade.mean': [70, 65],
	'grade.fail': [15, 25],
	'response.rate': [30, 20],
	'effect.work6': [20, 15],
	'effect.work12': [30, 20],
	// From the seed reports (issue #13 §7): Dalfsen's beleidsplan 2019–2022 aims at 30% of the
	// inflow in paid work within a year, and at no more than 25% longer than 4 years on the
	// benefit; its projectplan 2017 at a plan for every client (the demo takes 90% as green).
	'inflow.work12': [30, 20],
	'duration.over4': [25, 30],
	'plan.agreed': [90, 75],
	'answer.question': [80, 60]
};

/** The demo norms for each of `years`, set by `adminId` (null: by the generator). */
export async function seedDemoNorms(
	db: Db,
	adminId: string | null,
	years: number[]
): Promise<void> {
	const rows = years.flatMap((year) =>
		NORM_INDICATORS.map((i) => ({
			indicator: i.code,
			year,
			green: DEMO_NORMS[i.code][0],
			orange: DEMO_NORMS[i.code][1],
			higherIsBetter: i.higherIsBetter,
			setBy: adminId
		}))
	);
	await db.insert(norm).values(rows).onConflictDoNothing();
}
