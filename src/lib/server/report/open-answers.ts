import { asc, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { surveyOpenAnswer } from '../db/schema';
import { THRESHOLD } from './suppression';
import { visibleOpenAnswers } from './open-answer-rules';
import type { ReportContext } from './context';

/**
 * The open answers of a closed period, for the reporter to find themes: all at once, in
 * alphabetical order (never in the order they came in), and only when there are at least 10.
 * Protected like a table (issue #13): the whole dienst is shown only when no gemeente has 1 to
 * 9 (else the total minus the other gemeenten would give that gemeente's few answers), and an
 * answer's language only when at least 10 answers of the selection share it. They never go
 * into the council report or its CSV.
 */
export async function openAnswers(db: Db, ctx: ReportContext) {
	const inPeriod = sql`${surveyOpenAnswer.quarter} in (${sql.join(
		ctx.quarters.map((q) => sql`${q}`),
		sql`, `
	)})`;
	const none = { enough: false as const, count: null, answers: [] };
	if (!ctx.selected) {
		const perGemeente = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(surveyOpenAnswer)
			.where(inPeriod)
			.groupBy(surveyOpenAnswer.gemeenteId);
		if (perGemeente.some((g) => Number(g.n) > 0 && Number(g.n) < THRESHOLD)) return none;
	}
	const where = ctx.selected
		? sql`${inPeriod} and ${surveyOpenAnswer.gemeenteId} = ${ctx.selected.id}`
		: inPeriod;
	const rows = await db
		.select({ text: surveyOpenAnswer.text, language: surveyOpenAnswer.language })
		.from(surveyOpenAnswer)
		.where(where)
		.orderBy(asc(surveyOpenAnswer.text));
	const visible = visibleOpenAnswers(rows);
	if (!visible.enough) return none;
	const perLanguage = new Map<string, number>();
	for (const r of rows) perLanguage.set(r.language, (perLanguage.get(r.language) ?? 0) + 1);
	return {
		...visible,
		answers: visible.answers.map((r) => ({
			text: r.text,
			language: (perLanguage.get(r.language) ?? 0) >= THRESHOLD ? r.language : null
		}))
	};
}
