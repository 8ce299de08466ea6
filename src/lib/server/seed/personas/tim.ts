import type { PersonaSpec } from './persona';
import { officeAddress } from '../large';

export const tim: PersonaSpec = {
	key: 'tim',
	name: 'Tim Mulder',
	age: 21,
	birthdayDaysAgo: 60,
	language: 'nl',
	gemeente: 'oosterveld',
	km: 'klantmanager',
	segment: 'werk',
	benefitYears: 2,
	agreedHoursPerWeek: 32,
	ladder: [
		[2 * 365 - 30, 3],
		[330, 5]
	],
	plan: {
		goal: 'Mijn werk in het magazijn goed blijven doen, 32 uur per week.',
		status: 'agreed',
		version: 1,
		createdDaysAgo: 360,
		sharedDaysAgo: 345,
		agreedDaysAgo: 340,
		reviewInDays: 80,
		steps: [
			{
				title: 'Kennismaken met Sanne, je vaste contactpersoon',
				owner: 'klantmanager',
				due: -330,
				done: -332
			},
			{
				title: 'Afspraak met je jobcoach op je werk',
				owner: 'partner',
				due: 5,
				instrument: 'jobcoaching'
			},
			{ title: 'Elke maand je loonstrook laten zien', owner: 'client', due: 20 },
			{
				title: 'Opnieuw meten wat je kunt in je werk (loonwaarde)',
				owner: 'klantmanager',
				due: 60,
				instrument: 'loonkostensubsidie'
			}
		]
	},
	uses: [
		{
			code: 'praktijkroute',
			start: -420,
			plannedEnd: -330,
			end: -330,
			outcome: 'completed',
			provider: 'Sociale dienst en UWV'
		},
		{
			code: 'loonkostensubsidie',
			start: -330,
			plannedEnd: 400,
			provider: 'Van Dalen Logistiek'
		},
		{ code: 'jobcoaching', start: -330, plannedEnd: 200, provider: 'Jobcoach sociale dienst' }
	],
	appointments: [
		{
			day: -60,
			hour: 13,
			minutes: 45,
			kind: 'in_person',
			place: 'Van Dalen Logistiek, Industrieweg 8, 7172 OV Oosterveld',
			purpose: 'Gesprek op je werk, samen met je jobcoach',
			status: 'held'
		},
		{
			day: 11,
			hour: 15,
			minutes: 30,
			kind: 'in_person',
			place: officeAddress({ code: 'oosterveld', name: 'Oosterveld' }),
			purpose: 'Hoe gaat het met je werk?',
			bring: 'Je loonstrook',
			status: 'planned'
		}
	]
};
