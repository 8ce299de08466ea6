import type { PersonaSpec } from './persona';
import { officeAddress } from '../large';

export const lieke: PersonaSpec = {
	key: 'lieke',
	name: 'Lieke Jansen',
	age: 34,
	birthdayDaysAgo: 140,
	language: 'nl',
	email: 'lieke.jansen@example.org',
	gemeente: 'lindewaard',
	km: 'klantmanager',
	segment: 'meedoen',
	benefitYears: 6,
	exemption: {
		reason:
			'Alleenstaande ouder met de zorg voor twee jonge kinderen; lichamelijke klachten na de ziektewet',
		reviewInDays: 120
	},
	agreedHoursPerWeek: 6,
	ladder: [
		[6 * 365 - 30, 2],
		[3 * 365, 3],
		[380, 4]
	],
	plan: {
		goal: 'Over een jaar werk ik een paar uur per week betaald, op tijden dat mijn kinderen op school zijn.',
		status: 'agreed',
		version: 2,
		createdDaysAgo: 400,
		sharedDaysAgo: 40,
		agreedDaysAgo: 38,
		reviewInDays: 120,
		steps: [
			{
				title: 'Het traject ‘In je eigen kracht’ afmaken',
				owner: 'partner',
				due: -60,
				done: -62,
				instrument: 'zelfvertrouwentraining'
			},
			{
				title: 'Twee ochtenden per week vrijwilligerswerk bij de bibliotheek',
				owner: 'client',
				due: 30,
				instrument: 'vrijwilligerswerk'
			},
			{
				title: 'Uitzoeken welk werk past bij de schooltijden van je kinderen',
				owner: 'client',
				due: 14
			},
			{
				title: 'Gesprek over kinderopvang en de vergoeding daarvan',
				owner: 'klantmanager',
				due: 10,
				instrument: 'verwervingskosten'
			},
			{ title: 'Je ontheffing samen opnieuw bekijken', owner: 'klantmanager', due: 110 }
		]
	},
	uses: [
		{
			code: 'zelfvertrouwentraining',
			start: -76,
			plannedEnd: -62,
			end: -62,
			outcome: 'completed',
			provider: 'Sociale dienst (In je eigen kracht)'
		},
		{
			code: 'vrijwilligerswerk',
			start: -700,
			plannedEnd: null,
			provider: 'Bibliotheek Lindewaard'
		}
	],
	appointments: [
		{
			day: -38,
			hour: 9,
			minute: 30,
			minutes: 45,
			kind: 'in_person',
			place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
			purpose: 'Je nieuwe plan bespreken',
			bring: 'Het rooster van de school van je kinderen',
			status: 'held'
		},
		{
			day: 6,
			hour: 10,
			minutes: 30,
			kind: 'phone',
			purpose: 'Even bijpraten: hoe gaat het met het vrijwilligerswerk?',
			status: 'planned'
		}
	]
};
