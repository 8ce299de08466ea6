import type { Db } from '../db/open';
import { periodicSurveys } from '../surveys/survey-triggers';
import { surveyCadence } from '../staff/settings';

const HOUR = 3_600_000;

/**
 * Runs the periodic survey once a day (the first time an hour after start, so a restart does
 * not invite anyone at once). Every process may run it: the invitation rules make a second
 * run invite nobody twice. The cadence is read at each run: /beheer can change it (0 = off);
 * `defaultMonths` (SURVEY_PERIODIC_MONTHS) holds until then.
 */
export function scheduleSurveys(db: Db, defaultMonths: number): void {
	const run = async () => {
		const months = await surveyCadence(db, defaultMonths);
		if (months > 0) await periodicSurveys(db, new Date(), months);
	};
	const runLogged = () =>
		void run().catch((e: unknown) => console.error('Wegwijs: periodic survey run failed', e));
	setTimeout(() => {
		runLogged();
		setInterval(runLogged, 24 * HOUR).unref();
	}, HOUR).unref();
}
