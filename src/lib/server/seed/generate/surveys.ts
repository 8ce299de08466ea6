// The survey item bank and generated anonymous answer sets.
import { and, eq, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open';
import {
	survey,
	surveyOpenAnswer,
	surveyText,
	type Segment,
	type SurveyTrigger
} from '../../db/schema';
import { SURVEY_TEXTS } from '../survey-texts';
import { quarterOfInstant } from '../../../quarters';

import { Rng } from './random';
import { profileOf, eligible } from './reference';
import type { GenerateContext } from './generated';
import { SEGMENT_SHARES, weightedIndex, cumulativeOf } from './distributions';

// ── Surveys ───────────────────────────────────────────────────────────────────

export type SurveyItem = { code: string; type: 'agree5' | 'grade10' | 'open' };

/** The item bank in Dutch (DOMAIN.md "Surveys"); see survey-texts.ts for the other languages. */
export const SURVEY_ITEM_TEXTS: Record<string, string> = SURVEY_TEXTS.nl;

export const agree = (code: string): SurveyItem => ({ code, type: 'agree5' });
export const DEFAULT_SURVEY_ITEMS: Record<SurveyTrigger, SurveyItem[]> = {
	appointment: [agree('serious'), agree('together'), agree('easy'), { code: 'open', type: 'open' }],
	instrument_end: [
		agree('serious'),
		agree('together'),
		agree('easy'),
		agree('fits'),
		agree('closer'),
		{ code: 'open', type: 'open' }
	],
	periodic: [
		agree('serious'),
		agree('together'),
		agree('fits'),
		agree('closer'),
		agree('rights'),
		{ code: 'grade', type: 'grade10' },
		{ code: 'open', type: 'open' }
	]
};

export interface SurveyRef {
	id: string;
	trigger: SurveyTrigger;
	items: SurveyItem[];
}

/**
 * Uses the active (else the newest) survey per trigger; inserts version 1 from the item bank
 * for a trigger that has none.
 */
export async function ensureSurveys(db: Db): Promise<Record<SurveyTrigger, SurveyRef>> {
	const result = {} as Record<SurveyTrigger, SurveyRef>;
	for (const trigger of ['appointment', 'instrument_end', 'periodic'] as const) {
		const existing = await db
			.select()
			.from(survey)
			.where(eq(survey.trigger, trigger))
			.orderBy(sql`${survey.active} desc, ${survey.version} desc`)
			.limit(1);
		let row = existing[0];
		if (!row) {
			const items = DEFAULT_SURVEY_ITEMS[trigger];
			[row] = await db
				.insert(survey)
				.values({ trigger, version: 1, items, active: true })
				.onConflictDoNothing()
				.returning();
			row ??= (
				await db
					.select()
					.from(survey)
					.where(and(eq(survey.trigger, trigger), eq(survey.version, 1)))
			)[0]!;
		}
		// Every language of the item bank the survey lacks (a translation added later too).
		const texts = (Object.keys(SURVEY_TEXTS) as (keyof typeof SURVEY_TEXTS)[]).flatMap(
			(language) => {
				const bank = SURVEY_TEXTS[language];
				if (!row!.items.every((i) => bank[i.code])) return [];
				return [
					{
						surveyId: row!.id,
						language,
						questions: Object.fromEntries(row!.items.map((i) => [i.code, bank[i.code]!])),
						// Concept in every language, Dutch too: only a named person checks a text (#17).
						status: 'concept' as const,
						checkedAt: null
					}
				];
			}
		);
		await db.insert(surveyText).values(texts).onConflictDoNothing();
		result[trigger] = { id: row.id, trigger, items: row.items };
	}
	return result;
}

export const OPEN_ANSWERS: Record<string, string[]> = {
	nl: [
		'Mijn klantmanager luistert goed naar mij.',
		'Het duurt lang voordat ik antwoord krijg.',
		'Ik wil graag vaker contact met mijn klantmanager.',
		'De training was nuttig, ik heb veel geleerd.',
		'Ik heb dit jaar drie verschillende klantmanagers gehad.',
		'Telefonisch is de dienst slecht bereikbaar.',
		'De brieven zijn moeilijk te begrijpen.',
		'Fijn dat ik mijn afspraken in de app kan zien.'
	],
	en: ['The app is easy to use.', 'I would like more help finding work.'],
	ar: ['شكراً على المساعدة.', 'أحتاج إلى مساعدة في فهم الرسائل.'],
	// Sample answers for generated data (not checked by a native speaker).
	tr: ['Danışmanım bana iyi yardım ediyor.', 'Mektupları anlamak zor.'],
	uk: ['Мені потрібна допомога з листами.', 'Додаток простий у користуванні.'],
	fa: ['از کمک شما متشکرم.', 'نامه‌ها سخت هستند.'],
	prs: ['تشکر از کمک تان.', 'نامه‌ها مشکل هستند.'],
	ti: ['ስለቲ ሓገዝ የቐንየለይ።'],
	so: ['Waad ku mahadsan tihiin caawimaadda.', 'Waraaqaha way adag yihiin.']
};

/**
 * The language of an answer set: Dutch mostly, then each language its gemeente offers, so
 * every language group of the report has figures (small ones suppressed, as they should be).
 */
export const ANSWER_LANGUAGES: [string, number][] = [
	['nl', 72],
	['ar', 7],
	['en', 3],
	['tr', 4],
	['uk', 3],
	['so', 3],
	['ti', 3],
	['fa', 3],
	['prs', 2]
];

export const ITEM_BASE: Record<string, number> = {
	serious: 0.35,
	together: 0.05,
	easy: -0.1,
	fits: -0.05,
	closer: -0.55,
	rights: 0.1
};

/** One generated answer set, as survey_response stores it. */
export interface GeneratedResponse {
	gemeenteId: string;
	quarter: string;
	segment: Segment | null;
	instrumentId: string | null;
	trigger: SurveyTrigger;
	language: string;
	surveyId: string;
	answers: Record<string, number>;
	late: boolean;
}

/** Anonymous answer sets: no client id, only gemeente, quarter, segment, instrument, language. */
export function generateSurveyResponses(
	rng: Rng,
	ctx: GenerateContext,
	surveys: Record<SurveyTrigger, SurveyRef>,
	count: number
): {
	responses: GeneratedResponse[];
	open: PgInsertValue<typeof surveyOpenAnswer>[];
} {
	const responses: GeneratedResponse[] = [];
	const open: PgInsertValue<typeof surveyOpenAnswer>[] = [];
	const muniCumulative = cumulativeOf(ctx.gemeenteWeights);
	// The language of each set comes from a sequence of its own, so the main sequence draws as
	// it did before the nine languages: the demo's answers and open answers stay as they were
	// (tests/e2e/survey.spec.ts reads a gemeente with 10 open answers in a year).
	const languageRng = new Rng(count * 7919 + 43);
	const quarters: string[] = [];
	for (let q = 7; q >= 0; q--) {
		const d = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - q * 3, 15));
		quarters.push(quarterOfInstant(d));
	}
	for (let n = 0; n < count; n++) {
		const mi = weightedIndex(muniCumulative, rng);
		const m = ctx.gemeenten[mi]!;
		const qi = rng.weighted(quarters.map((_, i) => [i, 8 + i] as const));
		const trigger = rng.weighted<SurveyTrigger>([
			['appointment', 50],
			['instrument_end', 20],
			['periodic', 30]
		]);
		const segment = rng.weighted(SEGMENT_SHARES);
		const age = rng.int(18, 66);
		const statushouder = rng.chance(1 / 6);
		let instrumentId: string | null = null;
		if (trigger === 'instrument_end') {
			const options = ctx.instruments.filter(
				(i) => profileOf(i.code).weight > 0 && eligible(i, segment, age, statushouder)
			);
			if (options.length)
				instrumentId = rng.weighted(options.map((i) => [i.id, profileOf(i.code).weight] as const));
		}
		// The draws of the language choice before the nine languages, kept for the reason above.
		if (!(m.languages.includes('ar') && rng.chance(0.1)) && m.languages.includes('en'))
			rng.chance(0.04);
		const offered = ANSWER_LANGUAGES.filter(([l]) => m.languages.includes(l));
		const language = offered.length ? languageRng.weighted(offered) : 'nl';
		// A latent satisfaction per answer set; gemeenten and segments differ a little, and it
		// improves slowly over the quarters so trends and norm colours have something to show.
		const latent =
			rng.normal() * 0.85 +
			([0.15, 0, -0.2][mi] ?? 0) +
			(segment === 'werk' ? 0.1 : segment === 'meedoen' ? -0.2 : segment === null ? -0.1 : 0) +
			qi * 0.03;
		const s = surveys[trigger];
		const answers: Record<string, number> = {};
		for (const item of s.items) {
			if (item.type === 'agree5') {
				answers[item.code] = rng.chance(0.06)
					? 0
					: Math.min(
							5,
							Math.max(
								1,
								Math.round(3.85 + (ITEM_BASE[item.code] ?? 0) + latent + rng.normal() * 0.7)
							)
						);
			} else if (item.type === 'grade10') {
				answers[item.code] = Math.min(
					10,
					Math.max(1, Math.round(7 + latent * 1.2 + rng.normal() * 0.8))
				);
			}
		}
		responses.push({
			gemeenteId: m.id,
			quarter: quarters[qi]!,
			segment,
			instrumentId,
			trigger,
			language,
			surveyId: s.id,
			answers,
			late: rng.chance(0.04)
		});
		if (s.items.some((i) => i.type === 'open') && rng.chance(trigger === 'periodic' ? 0.1 : 0.04)) {
			open.push({
				gemeenteId: m.id,
				quarter: quarters[qi]!,
				language,
				text: rng.pick(OPEN_ANSWERS[language] ?? OPEN_ANSWERS.nl!)
			});
		}
	}
	return { responses, open };
}
