import type { Db } from '../db/open';
import { planTemplate, type PlanTemplate } from '../db/schema';

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
