import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { survey, surveyText, type TextStatus } from '../db/schema';
import { SOURCE_LANGUAGE } from '../../i18n/languages';
import * as audit from '../audit/audit';

// Survey versions in /beheer. A version that has answers is never changed: the report counts
// an item as the same question only within one version (docs/DOMAIN.md). A new version starts as a
// copy of the one before, with its translations as drafts again.

export interface SurveyVersionRow {
	id: string;
	trigger: string;
	version: number;
	active: boolean;
	items: { code: string; type: string }[];
	hasAnswers: boolean;
	texts: Record<string, TextStatus>;
}

// Written out in full: inside a subquery drizzle would leave the outer "id" unqualified.
const hasAnswers = sql<boolean>`exists (select 1 from survey_response r where r.survey_id = "survey"."id")`;

export async function listSurveys(db: Db): Promise<SurveyVersionRow[]> {
	const [surveys, texts] = await Promise.all([
		db
			.select({
				id: survey.id,
				trigger: survey.trigger,
				version: survey.version,
				active: survey.active,
				items: survey.items,
				hasAnswers
			})
			.from(survey)
			.orderBy(asc(survey.trigger), desc(survey.version)),
		db
			.select({
				surveyId: surveyText.surveyId,
				language: surveyText.language,
				status: surveyText.status
			})
			.from(surveyText)
	]);
	return surveys.map((s) => ({
		...s,
		texts: Object.fromEntries(
			texts.filter((t) => t.surveyId === s.id).map((t) => [t.language, t.status])
		)
	}));
}

/** A new, inactive version: the items and texts of `fromId`, translations as drafts. */
export async function newVersion(db: Db, fromId: string, actorId: string): Promise<string | null> {
	const created = await db.transaction(async (tx) => {
		const [from] = await tx.select().from(survey).where(eq(survey.id, fromId));
		if (!from) return null;
		const [{ next }] = (await tx
			.select({ next: sql<number>`coalesce(max(${survey.version}), 0)::int + 1` })
			.from(survey)
			.where(eq(survey.trigger, from.trigger))) as [{ next: number }];
		const [created] = await tx
			.insert(survey)
			.values({ trigger: from.trigger, version: next, items: from.items, active: false })
			.returning({ id: survey.id });
		const texts = await tx.select().from(surveyText).where(eq(surveyText.surveyId, fromId));
		if (texts.length)
			await tx.insert(surveyText).values(
				texts.map((t) => ({
					surveyId: created!.id,
					language: t.language,
					questions: t.questions,
					status: t.language === SOURCE_LANGUAGE ? t.status : ('concept' as const),
					checkedBy: t.language === SOURCE_LANGUAGE ? t.checkedBy : null,
					checkedAt: t.language === SOURCE_LANGUAGE ? t.checkedAt : null
				}))
			);
		return { id: created!.id, trigger: from.trigger, version: next };
	});
	if (!created) return null;
	await recordSurveyEdit(db, actorId, {
		name: created.trigger,
		version: created.version,
		status: 'created'
	});
	return created.id;
}

/** Who changed which survey version how (#14); question texts only as far as they changed. */
async function recordSurveyEdit(db: Db, actorId: string, detail: Record<string, unknown>) {
	await audit.record(db, { actorId, clientId: null, action: 'survey.update', detail });
}

/** The questions that differ, as "code: text" lines, for the audit's before and after. */
export function changedQuestions(
	before: Record<string, string>,
	after: Record<string, string>
): { changes: string; before: string; after: string } {
	const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])]
		.filter((c) => before[c] !== after[c])
		.sort();
	const lines = (q: Record<string, string>) =>
		codes
			.filter((c) => q[c] !== undefined)
			.map((c) => `${c}: ${q[c]}`)
			.join('\n');
	return { changes: codes.join(', '), before: lines(before), after: lines(after) };
}

/** Makes one version the one clients are asked; the others of its trigger stop. */
export async function activate(db: Db, surveyId: string, actorId: string): Promise<boolean> {
	const row = await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ trigger: survey.trigger, version: survey.version })
			.from(survey)
			.where(eq(survey.id, surveyId));
		if (!row) return null;
		await tx.update(survey).set({ active: false }).where(eq(survey.trigger, row.trigger));
		await tx.update(survey).set({ active: true }).where(eq(survey.id, surveyId));
		return row;
	});
	if (!row) return false;
	await recordSurveyEdit(db, actorId, {
		name: row.trigger,
		version: row.version,
		status: 'active'
	});
	return true;
}

export interface SurveyTextEdit {
	survey: { id: string; trigger: string; version: number; active: boolean; hasAnswers: boolean };
	items: { code: string; type: string }[];
	source: Record<string, string>;
	questions: Record<string, string> | null;
	status: TextStatus | null;
	checkedAt: string | null;
}

export async function getSurveyText(
	db: Db,
	surveyId: string,
	language: string
): Promise<SurveyTextEdit | null> {
	const [s] = await db
		.select({
			id: survey.id,
			trigger: survey.trigger,
			version: survey.version,
			active: survey.active,
			items: survey.items,
			hasAnswers
		})
		.from(survey)
		.where(eq(survey.id, surveyId));
	if (!s) return null;
	const texts = await db.select().from(surveyText).where(eq(surveyText.surveyId, surveyId));
	const own = texts.find((t) => t.language === language);
	const { items, ...head } = s;
	return {
		survey: head,
		items,
		source: texts.find((t) => t.language === SOURCE_LANGUAGE)?.questions ?? {},
		questions: own?.questions ?? null,
		status: own?.status ?? null,
		checkedAt: own?.checkedAt?.toISOString() ?? null
	};
}

export type SurveyTextResult = 'ok' | 'not-found' | 'has-answers';

/** Saves a version's questions in one language; refused once the version has answers. */
export async function saveSurveyText(
	db: Db,
	surveyId: string,
	language: string,
	questions: Record<string, string>,
	editorId: string,
	now = new Date()
): Promise<SurveyTextResult> {
	const result = await db.transaction(async (tx) => {
		// Locks the version, so an edit and the first answer cannot cross.
		const [s] = await tx
			.select({ id: survey.id, trigger: survey.trigger, version: survey.version, hasAnswers })
			.from(survey)
			.where(eq(survey.id, surveyId))
			.for('update');
		if (!s) return 'not-found' as const;
		if (s.hasAnswers) return 'has-answers' as const;
		const [old] = await tx
			.select({ questions: surveyText.questions })
			.from(surveyText)
			.where(and(eq(surveyText.surveyId, surveyId), eq(surveyText.language, language)));
		const source = language === SOURCE_LANGUAGE;
		const values = {
			questions,
			status: source ? ('checked' as const) : ('concept' as const),
			checkedBy: source ? editorId : null,
			checkedAt: source ? now : null
		};
		await tx
			.insert(surveyText)
			.values({ surveyId, language, ...values })
			.onConflictDoUpdate({ target: [surveyText.surveyId, surveyText.language], set: values });
		return { name: s.trigger, version: s.version, old: old?.questions ?? {} };
	});
	if (typeof result === 'string') return result;
	await recordSurveyEdit(db, editorId, {
		name: result.name,
		version: result.version,
		language,
		...changedQuestions(result.old, questions)
	});
	return 'ok';
}

/** A native speaker confirms a translation of the questions (also of a version with answers). */
export async function markSurveyTextChecked(
	db: Db,
	surveyId: string,
	language: string,
	checkerId: string,
	now = new Date()
): Promise<boolean> {
	const rows = await db
		.update(surveyText)
		.set({ status: 'checked', checkedBy: checkerId, checkedAt: now })
		.where(and(eq(surveyText.surveyId, surveyId), eq(surveyText.language, language)))
		.returning({ language: surveyText.language });
	if (rows.length === 0) return false;
	const [s] = await db
		.select({ trigger: survey.trigger, version: survey.version })
		.from(survey)
		.where(eq(survey.id, surveyId));
	await recordSurveyEdit(db, checkerId, {
		name: s?.trigger,
		version: s?.version,
		language,
		status: 'checked'
	});
	return true;
}
