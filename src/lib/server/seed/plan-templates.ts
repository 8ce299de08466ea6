import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/open';
import { planTemplate, planTextTranslation, type PlanTemplate } from '../db/schema';
import { LANGUAGE_CODES, SOURCE_LANGUAGE, type Language } from '../../i18n/languages';
import { contentDir } from './content-files';

type TemplateSeed = Omit<PlanTemplate, 'id' | 'active' | 'createdAt'>;

/** The dienst's starting plans per segment; a klantmanager adjusts them per client. */
export const PLAN_TEMPLATES: TemplateSeed[] = [
	{
		code: 'werk-snel-aan-het-werk',
		segment: 'werk',
		name: 'Snel aan het werk',
		goal: 'Binnen zes maanden een betaalde baan van minstens 20 uur per week.',
		reviewInDays: 91,
		steps: [
			{ title: 'Je cv maken of bijwerken', owner: 'client', dueInDays: 7, instrumentCode: null },
			{
				title: 'De sollicitatietraining volgen',
				owner: 'partner',
				dueInDays: 28,
				instrumentCode: 'sollicitatietraining'
			},
			{
				title: 'Elke week sollicitaties versturen en in de app zetten',
				owner: 'client',
				dueInDays: 14,
				instrumentCode: null
			},
			{
				title: 'Je aanmelden bij het werkgeversservicepunt',
				owner: 'klantmanager',
				dueInDays: 21,
				instrumentCode: 'werkgeversservicepunt'
			}
		]
	},
	{
		code: 'perspectief-stap-voor-stap',
		segment: 'perspectief',
		name: 'Stap voor stap naar werk',
		goal: 'Ontdekken welk werk bij mij past en daar stap voor stap naartoe werken.',
		reviewInDays: 182,
		steps: [
			{
				title: 'Samen bespreken wat je kunt en wat je wilt',
				owner: 'klantmanager',
				dueInDays: 14,
				instrumentCode: null
			},
			{
				title: 'Regelen wat je nodig hebt om te kunnen werken, zoals kinderopvang',
				owner: 'klantmanager',
				dueInDays: 30,
				instrumentCode: 'verwervingskosten'
			},
			{
				title: 'Ervaring opdoen op een werkervaringsplaats',
				owner: 'partner',
				dueInDays: 120,
				instrumentCode: 'werkervaringsplaats'
			}
		]
	},
	{
		code: 'perspectief-taal-en-werk',
		segment: 'perspectief',
		name: 'Taal en werk (statushouders)',
		goal: 'Beter Nederlands spreken en een eerste stap zetten naar werk.',
		reviewInDays: 182,
		steps: [
			{
				title: 'Elke week oefenen met je taalmaatje',
				owner: 'partner',
				dueInDays: 30,
				instrumentCode: 'taalmaatje'
			},
			{
				title: 'Brieven die je niet begrijpt meenemen naar je afspraak',
				owner: 'client',
				dueInDays: 14,
				instrumentCode: null
			},
			{
				title: 'Een taalstage zoeken die bij je past',
				owner: 'klantmanager',
				dueInDays: 60,
				instrumentCode: 'taalstage'
			}
		]
	},
	{
		code: 'meedoen-in-de-buurt',
		segment: 'meedoen',
		name: 'Meedoen in de buurt',
		goal: 'Meer mensen ontmoeten en iets doen dat bij mij past.',
		reviewInDays: 182,
		steps: [
			{
				title: 'Kennismaken bij sociale activering',
				owner: 'partner',
				dueInDays: 30,
				instrumentCode: 'sociale-activering'
			},
			{
				title: 'Vrijwilligerswerk zoeken dat je leuk vindt',
				owner: 'client',
				dueInDays: 60,
				instrumentCode: 'vrijwilligerswerk'
			},
			{
				title: 'Bespreken of hulp bij geldzaken nodig is',
				owner: 'klantmanager',
				dueInDays: 14,
				instrumentCode: 'schuldhulpverlening'
			}
		]
	}
];

/** Adds the templates the database does not have yet; edited ones are kept. */
export async function seedPlanTemplates(db: Db): Promise<number> {
	const rows = await db
		.insert(planTemplate)
		.values(PLAN_TEMPLATES)
		.onConflictDoNothing({ target: planTemplate.code })
		.returning({ id: planTemplate.id });
	return rows.length;
}

const templateFile = z.record(
	z.string(),
	z.object({ name: z.string().min(1), goal: z.string().min(1), steps: z.array(z.string().min(1)) })
);
const textsFile = z.record(z.string().min(1), z.string().min(1));

export interface PlanTextRow {
	source: string;
	language: Language;
	text: string;
}

/**
 * The translations kept in content/plan-templates.<lang>.json (a template's goal and steps,
 * in the template's order) and content/plan-texts.<lang>.json (Dutch text → translation, for
 * texts outside the templates, such as the demo plans). A file that does not fit the templates
 * (a missing template, a step too many or too few) stops the start with its name.
 */
export function loadPlanTextTranslations(dir = contentDir()): PlanTextRow[] {
	const rows: PlanTextRow[] = [];
	for (const language of LANGUAGE_CODES) {
		if (language === SOURCE_LANGUAGE) continue;
		const templates = path.join(dir, `plan-templates.${language}.json`);
		if (existsSync(templates)) {
			const parsed = templateFile.parse(JSON.parse(readFileSync(templates, 'utf8')));
			for (const [code, t] of Object.entries(parsed)) {
				const source = PLAN_TEMPLATES.find((p) => p.code === code);
				if (!source) throw new Error(`${templates}: no template "${code}"`);
				if (source.steps.length !== t.steps.length)
					throw new Error(
						`${templates}: "${code}" has ${t.steps.length} steps, not ${source.steps.length}`
					);
				rows.push({ source: source.goal, language, text: t.goal });
				source.steps.forEach((step, i) =>
					rows.push({ source: step.title, language, text: t.steps[i]! })
				);
			}
		}
		const texts = path.join(dir, `plan-texts.${language}.json`);
		if (existsSync(texts)) {
			const parsed = textsFile.parse(JSON.parse(readFileSync(texts, 'utf8')));
			for (const [source, text] of Object.entries(parsed)) rows.push({ source, language, text });
		}
	}
	return rows;
}

/**
 * Adds the plan text translations the database lacks, as concept (to be checked by a native
 * speaker). One a klantmanager or editor changed is kept.
 */
export async function seedPlanTextTranslations(db: Db, rows = loadPlanTextTranslations()) {
	if (rows.length === 0) return 0;
	const added = await db
		.insert(planTextTranslation)
		.values(rows.map((r) => ({ ...r, status: 'concept' as const })))
		.onConflictDoNothing()
		.returning({ source: planTextTranslation.source });
	return added.length;
}
