import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { client, plan, planStep, planTemplate, planTextTranslation, user } from '../db/schema';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import { isLanguage, SOURCE_LANGUAGE } from '../../i18n/languages';
import { STEP_TITLE_MAX } from './plan-draft-rules';
import { planHistory } from './plans';

export const stepTranslationInput = z.object({
	stepId: z.uuid(),
	text: z.string().trim().min(1).max(STEP_TITLE_MAX)
});

export type StepTranslationError = 'not_found' | 'dutch_client';

/**
 * A klantmanager adds (or replaces) the translation of one shared step into the client's
 * language. It is kept by the step's Dutch words, so it stays while they stay; it is a concept
 * until a native speaker checked it.
 */
export async function addStepTranslation(
	db: Db,
	staff: Staff,
	clientId: string,
	input: z.infer<typeof stepTranslationInput>
): Promise<{ ok: true; language: string } | { ok: false; error: StepTranslationError }> {
	await requireInCaseload(db, staff, clientId);
	const [row] = await db
		.select({ title: planStep.title, language: user.language })
		.from(planStep)
		.innerJoin(plan, eq(plan.id, planStep.planId))
		.innerJoin(client, eq(client.id, plan.clientId))
		.innerJoin(user, eq(user.id, client.userId))
		.where(
			and(eq(planStep.id, input.stepId), eq(plan.clientId, clientId), ne(plan.status, 'closed'))
		);
	if (!row) return { ok: false, error: 'not_found' };
	if (!isLanguage(row.language) || row.language === SOURCE_LANGUAGE)
		return { ok: false, error: 'dutch_client' };
	const now = new Date();
	await db.transaction(async (tx) => {
		await tx
			.insert(planTextTranslation)
			.values({
				source: row.title,
				language: row.language,
				text: input.text,
				status: 'concept',
				updatedBy: staff.id,
				updatedAt: now
			})
			.onConflictDoUpdate({
				target: [planTextTranslation.source, planTextTranslation.language],
				set: { text: input.text, status: 'concept', updatedBy: staff.id, updatedAt: now }
			});
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'plan.update',
			detail: { stepId: input.stepId, translatedInto: row.language }
		});
	});
	return { ok: true, language: row.language };
}

/**
 * The steps of the client's current shared plan with their translation into the client's
 * language (null: the client reads it in Dutch), for the klantmanager. Null for a client who
 * reads Dutch or has no shared plan.
 */
export async function translationsOf(db: Db, clientId: string) {
	const [c] = await db
		.select({ language: user.language })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(client.id, clientId));
	if (!c || !isLanguage(c.language) || c.language === SOURCE_LANGUAGE) return null;
	const steps = await db
		.select({
			id: planStep.id,
			title: planStep.title,
			translation: planTextTranslation.text,
			status: planTextTranslation.status
		})
		.from(planStep)
		.innerJoin(plan, eq(plan.id, planStep.planId))
		.leftJoin(
			planTextTranslation,
			and(
				eq(planTextTranslation.source, planStep.title),
				eq(planTextTranslation.language, c.language)
			)
		)
		.where(and(eq(plan.clientId, clientId), inArray(plan.status, ['shared', 'agreed'])))
		.orderBy(asc(planStep.position));
	if (steps.length === 0) return null;
	return { language: c.language, steps };
}

export type TemplateTranslationStatus = {
	language: string;
	/** Texts of the active templates (goals and step titles), each counted once. */
	total: number;
	missing: number;
	concept: number;
	checked: number;
};

/**
 * Per language, how many texts of the active plan templates are translated and checked: what
 * /beheer shows so an admin sees which languages still read template steps in Dutch.
 */
export async function templateTranslationStatus(
	db: Db,
	languages: readonly string[]
): Promise<TemplateTranslationStatus[]> {
	const templates = await db
		.select({ goal: planTemplate.goal, steps: planTemplate.steps })
		.from(planTemplate)
		.where(eq(planTemplate.active, true));
	const sources = [...new Set(templates.flatMap((t) => [t.goal, ...t.steps.map((s) => s.title)]))];
	const rows =
		sources.length === 0
			? []
			: await db
					.select({ language: planTextTranslation.language, status: planTextTranslation.status })
					.from(planTextTranslation)
					.where(inArray(planTextTranslation.source, sources));
	return languages
		.filter((l) => l !== SOURCE_LANGUAGE)
		.map((language) => {
			const mine = rows.filter((r) => r.language === language);
			const checked = mine.filter((r) => r.status === 'checked').length;
			return {
				language,
				total: sources.length,
				missing: sources.length - mine.length,
				concept: mine.length - checked,
				checked
			};
		});
}

/** Translations of Dutch plan texts into `lang`, by their Dutch words (one query). */
async function translationsInto(db: Db, sources: string[], lang: string) {
	if (lang === SOURCE_LANGUAGE || sources.length === 0) return new Map<string, string>();
	const rows = await db
		.select({ source: planTextTranslation.source, text: planTextTranslation.text })
		.from(planTextTranslation)
		.where(
			and(
				inArray(planTextTranslation.source, [...new Set(sources)]),
				eq(planTextTranslation.language, lang)
			)
		);
	return new Map(rows.map((r) => [r.source, r.text]));
}

/**
 * The shared versions of the client's plan (see planHistory) with each goal and step title in
 * `lang` where translated, else in Dutch with `lang: 'nl'`, as on Mijn plan.
 */
export async function planHistoryIn(db: Db, userId: string, lang: string) {
	const versions = (await planHistory(db, userId)) ?? [];
	const tr = await translationsInto(
		db,
		versions.flatMap((v) => [v.goal, ...v.steps.map((s) => s.title)]),
		lang
	);
	const inLang = (nl: string) => {
		const text = tr.get(nl);
		return text === undefined ? { text: nl, lang: SOURCE_LANGUAGE } : { text, lang };
	};
	return versions.map(({ goal, steps, ...v }) => ({
		...v,
		goal: inLang(goal),
		steps: steps.map((s) => ({ owner: s.owner, title: inLang(s.title) }))
	}));
}
