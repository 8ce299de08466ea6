import type { PersonaSpec } from './persona';

export const lars: PersonaSpec = {
	key: 'lars',
	name: 'Lars Visser',
	age: 25,
	birthdayDaysAgo: 90,
	language: 'nl',
	gemeente: 'oosterveld',
	km: 'klantmanager2',
	segment: 'werk',
	benefitYears: 3,
	agreedHoursPerWeek: 28,
	ladder: [
		[3 * 365 - 30, 4],
		[540, 5]
	],
	plan: {
		goal: 'Een vast contract bij mijn werkgever in de logistiek.',
		status: 'agreed',
		version: 1,
		createdDaysAgo: 150,
		sharedDaysAgo: 120,
		agreedDaysAgo: 118,
		reviewInDays: 60,
		steps: [
			{
				title: 'Met je jobcoach een takenlijst maken voor je werkweek',
				owner: 'partner',
				due: -30,
				done: -32,
				instrument: 'jobcoaching'
			},
			{ title: 'Je loonstrook van vorige maand in de app zetten', owner: 'client', due: -5 },
			{
				title: 'Elke twee weken bijpraten met je jobcoach',
				owner: 'partner',
				due: 9,
				instrument: 'jobcoaching'
			},
			{ title: 'Je leidinggevende vragen naar een vast contract', owner: 'client', due: 30 },
			{
				title: 'Uitzoeken wat rijbewijs C kost en wie het kan betalen',
				owner: 'klantmanager',
				due: 45
			}
		]
	},
	uses: [
		{
			code: 'proefplaatsing',
			start: -480,
			plannedEnd: -420,
			end: -420,
			outcome: 'work_found',
			provider: 'Van Dalen Logistiek'
		},
		{ code: 'jobcoaching', start: -400, plannedEnd: 180, provider: 'Jobcoach sociale dienst' }
	],
	appointments: [
		{
			day: -21,
			hour: 16,
			minutes: 30,
			kind: 'video',
			videoUrl: 'https://video.wegwijs.example/lars-visser-a1',
			purpose: 'Hoe gaat het op je werk?',
			status: 'held'
		},
		{
			day: 9,
			hour: 16,
			minutes: 30,
			kind: 'video',
			videoUrl: 'https://video.wegwijs.example/lars-visser-b2',
			purpose: 'Je werk en je contract bespreken',
			bring: 'Je loonstrook van vorige maand',
			status: 'planned'
		}
	]
};
