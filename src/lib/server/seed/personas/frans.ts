import type { PersonaSpec } from './persona';

export const frans: PersonaSpec = {
	key: 'frans',
	name: 'Frans Bakker',
	age: 59,
	birthdayDaysAgo: 200,
	language: 'nl',
	gemeente: 'brakeloo',
	km: 'klantmanager2',
	segment: 'perspectief',
	benefitYears: 8,
	applicationsPerWeek: 2,
	handhaving: [
		{
			decidedDaysAgo: 12,
			ground: 'verplichtingen',
			percentage: 20,
			months: 1,
			reason: 'Twee keer niet op een afspraak gekomen en niets laten weten.'
		}
	],
	ladder: [
		[8 * 365 - 30, 3],
		[4 * 365, 4]
	],
	plan: {
		goal: 'Een baan van minstens 20 uur per week bij een werkgever die mijn ervaring waardeert.',
		status: 'agreed',
		version: 1,
		createdDaysAgo: 240,
		sharedDaysAgo: 95,
		agreedDaysAgo: 90,
		reviewInDays: 90,
		steps: [
			{
				title: 'De training zelfvertrouwen afmaken',
				owner: 'partner',
				due: -200,
				done: -200,
				instrument: 'zelfvertrouwentraining'
			},
			{
				title: 'Je aanmelden voor de training voor 45-plussers',
				owner: 'klantmanager',
				due: -20,
				done: -21,
				instrument: 'training-45-plus'
			},
			{ title: 'Je cv aanpassen: zet je ervaring bovenaan', owner: 'client', due: 5 },
			{
				title: 'Elke week 2 sollicitaties versturen en in de app zetten',
				owner: 'client',
				due: 7
			},
			{
				title: 'Gesprek met het werkgeversservicepunt over loonkostensubsidie',
				owner: 'klantmanager',
				due: 12,
				instrument: 'loonkostensubsidie'
			}
		]
	},
	uses: [
		{
			code: 'zelfvertrouwentraining',
			start: -214,
			plannedEnd: -200,
			end: -200,
			outcome: 'completed',
			provider: 'Sociale dienst'
		},
		{
			code: 'werkgeversservicepunt',
			start: -60,
			plannedEnd: 120,
			provider: 'Werkgeversservicepunt'
		},
		{ code: 'training-45-plus', start: -14, plannedEnd: 28, provider: 'Sociale dienst' }
	],
	appointments: [
		{
			day: -30,
			hour: 11,
			minutes: 30,
			kind: 'phone',
			purpose: 'Je sollicitaties van de afgelopen weken bespreken',
			status: 'held'
		},
		{
			day: 4,
			hour: 14,
			minutes: 30,
			kind: 'phone',
			purpose: 'De training voor 45-plussers en loonkostensubsidie bespreken',
			status: 'planned'
		}
	]
};
