import type { PersonaSpec } from './persona';
import { officeAddress } from '../large';

export const maryam: PersonaSpec = {
	key: 'maryam',
	name: 'Maryam Haddad',
	age: 28,
	birthdayDaysAgo: 170,
	language: 'ar',
	gemeente: 'lindewaard',
	km: 'klantmanager',
	segment: 'perspectief',
	benefitYears: 7,
	statushouder: true,
	ladder: [
		[7 * 365 - 30, 1],
		[5 * 365, 2],
		[365, 3]
	],
	plan: {
		goal: 'Uitzoeken welk werk bij mij past en een stage vinden die past bij de schooltijden van mijn dochters.',
		status: 'shared',
		version: 1,
		createdDaysAgo: 16,
		sharedDaysAgo: 2,
		reviewInDays: 180,
		steps: [
			{
				title: 'Je inburgering afronden',
				owner: 'partner',
				due: -300,
				done: -300,
				instrument: 'inburgering'
			},
			{
				title: 'Elke week met je taalmaatje oefenen en samen je brieven lezen',
				owner: 'partner',
				due: 7,
				instrument: 'taalmaatje'
			},
			{
				title: 'Kinderopvang zoeken, zodat je om 7.30 uur bij een stage kunt zijn',
				owner: 'klantmanager',
				due: 14
			},
			{
				title: 'De cursus ‘Op weg naar werk’ volgen',
				owner: 'client',
				due: 21,
				instrument: 'sollicitatietraining'
			},
			{
				title: 'Vergoeding voor de kinderopvang aanvragen',
				owner: 'client',
				due: 28,
				instrument: 'verwervingskosten'
			},
			{
				title: 'Samen kiezen welk werk je wilt proberen',
				owner: 'klantmanager',
				due: 35
			}
		]
	},
	uses: [
		{
			code: 'maatschappelijke-begeleiding',
			start: -7 * 365 + 20,
			plannedEnd: -6 * 365 + 20,
			end: -6 * 365 + 20,
			outcome: 'completed',
			provider: 'Vluchtelingenwerk'
		},
		{
			code: 'inburgering',
			start: -1100,
			plannedEnd: -300,
			end: -300,
			outcome: 'completed',
			provider: 'Taalschool De Brug'
		},
		{ code: 'taalmaatje', start: -90, plannedEnd: 275, provider: 'Welzijn Samen' }
	],
	appointments: [
		{
			day: -16,
			hour: 10,
			minutes: 60,
			kind: 'in_person',
			place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
			purpose: 'Kennismaken en samen een plan maken',
			status: 'held'
		},
		{
			day: 3,
			hour: 10,
			minutes: 45,
			kind: 'in_person',
			place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
			purpose: 'Je plan samen doorlezen en afspraken maken over kinderopvang',
			bring: 'Je verblijfsdocument en brieven die je niet begrijpt',
			status: 'planned'
		}
	]
};
