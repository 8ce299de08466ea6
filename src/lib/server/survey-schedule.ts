import type { Db } from './db/open';
import { periodicSurveys } from './domain/survey-triggers';

const HOUR = 3_600_000;

/**
 * Runs the periodic survey once a day (the first time an hour after start, so a restart does
 * not invite anyone at once). Every process may run it: the invitation rules make a second
 * run invite nobody twice.
 */
export function scheduleSurveys(db: Db, everyMonths: number): void {
	if (everyMonths <= 0) return;
	const run = () =>
		void periodicSurveys(db, new Date(), everyMonths).catch((e: unknown) =>
			console.error('Wegwijs: periodic survey run failed', e)
		);
	setTimeout(() => {
		run();
		setInterval(run, 24 * HOUR).unref();
	}, HOUR).unref();
}
