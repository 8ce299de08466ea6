import { randomInt } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { reportSnapshot, surveyAnswerHeld, surveyOpenAnswer, surveyResponse } from '../db/schema';
import { shiftQuarter } from '../../quarters';
import { addToTally } from './surveys';

// Publishing held answer sets (issue #13, docs/REPORT.md "What the database can tell").

/** Fewest held answer sets published at once: below this they wait for more. */
export const HELD_BATCH_MIN = 10;

/**
 * Moves the held answer sets into survey_response, the open answers and the tallies, in
 * random order, in one transaction of its own, when at least `min` are waiting (all of them
 * then). An answer from a quarter already published (a report snapshot exists) counts in the
 * first quarter not yet published: a published quarter never changes. Returns how many moved.
 */
export async function publishHeldAnswers(db: Db, opts: { min?: number } = {}): Promise<number> {
	const min = opts.min ?? HELD_BATCH_MIN;
	return db.transaction(async (tx) => {
		const held = await tx.select().from(surveyAnswerHeld).for('update', { skipLocked: true });
		if (held.length === 0 || held.length < min) return 0;
		const [frozen] = await tx.select({ q: sql<string | null>`max(quarter)` }).from(reportSnapshot);
		const firstOpen = frozen?.q ? shiftQuarter(frozen.q, 1) : null;
		// Fisher–Yates with a cryptographic source: the order says nothing about arrival.
		for (let i = held.length - 1; i > 0; i--) {
			const j = randomInt(i + 1);
			[held[i], held[j]] = [held[j]!, held[i]!];
		}
		for (const h of held) {
			const response = {
				gemeenteId: h.gemeenteId,
				quarter: firstOpen && h.quarter < firstOpen ? firstOpen : h.quarter,
				segment: h.segment,
				instrumentId: h.instrumentId,
				trigger: h.trigger,
				language: h.language,
				surveyId: h.surveyId,
				answers: h.answers,
				late: h.late
			};
			await tx.insert(surveyResponse).values(response);
			await addToTally(tx, response);
			if (h.open) {
				await tx.insert(surveyOpenAnswer).values({
					gemeenteId: response.gemeenteId,
					quarter: response.quarter,
					language: response.language,
					text: h.open
				});
			}
		}
		await tx.delete(surveyAnswerHeld).where(
			inArray(
				surveyAnswerHeld.id,
				held.map((h) => h.id)
			)
		);
		return held.length;
	});
}
