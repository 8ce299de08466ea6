import { asc, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { surveyOpenAnswer } from '../db/schema';
import { visibleOpenAnswers } from './open-answer-rules';
import type { ReportContext } from './report';

/**
 * The open answers of a period, for the reporter to find themes: all at once, in alphabetical
 * order (never in the order they came in), and only when there are at least 10 of them.
 * They never go into the council report or its CSV.
 */
export async function openAnswers(db: Db, ctx: ReportContext) {
	const where = sql`${surveyOpenAnswer.quarter} in (${sql.join(
		ctx.quarters.map((q) => sql`${q}`),
		sql`, `
	)}) ${ctx.selected ? sql`and ${surveyOpenAnswer.gemeenteId} = ${ctx.selected.id}` : sql``}`;
	const rows = await db
		.select({ text: surveyOpenAnswer.text, language: surveyOpenAnswer.language })
		.from(surveyOpenAnswer)
		.where(where)
		.orderBy(asc(surveyOpenAnswer.text));
	return visibleOpenAnswers(rows);
}
