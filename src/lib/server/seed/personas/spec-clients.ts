import type { PersonaSpec } from './persona';
import { officeAddress } from '../large';

/**
 * Demo clients reserved for the browser specs that change them, so no spec changes what another
 * reads: every spec passes alone and in any order, and the five personas' stories stay as they
 * are. tests/e2e/km.spec.ts: Dalia gets a new plan that she agrees to, a moved and an extra
 * appointment; Wilma is handed over to Petra. tests/e2e/survey.spec.ts: Hala answers her open
 * invitation (seeded in ../demo-surveys.ts), while Maryam's stays open for the security specs.
 * tests/e2e/handhaving.spec.ts: Sanne records a maatregel for Noor, who reads it.
 * tests/e2e/reply-decision.spec.ts: Noor asks to move two appointments of her own (planned by
 * the spec, 60 and 61 days ahead, with names unique to the run); Sanne approves one and declines
 * the other. Neither spec reads what the other writes.
 */
export const SPEC_CLIENTS: PersonaSpec[] = [
	{
		key: 'dalia',
		name: 'Dalia Qasem',
		age: 31,
		birthdayDaysAgo: 90,
		language: 'ar',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'perspectief',
		benefitYears: 3,
		statushouder: true,
		ladder: [
			[3 * 365 - 30, 1],
			[200, 2]
		],
		plan: {
			goal: 'Beter Nederlands spreken en uitzoeken welk werk bij mij past.',
			status: 'shared',
			version: 1,
			createdDaysAgo: 20,
			sharedDaysAgo: 5,
			reviewInDays: 180,
			steps: [
				{ title: 'Elke week naar de taalles', owner: 'client', due: 30 },
				{ title: 'Samen kijken naar werk dat bij je past', owner: 'klantmanager', due: 45 }
			]
		},
		uses: [],
		appointments: [
			{
				day: -20,
				hour: 11,
				minutes: 60,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Kennismaken',
				status: 'held'
			},
			{
				day: 4,
				hour: 14,
				minutes: 45,
				kind: 'in_person',
				place: officeAddress({ code: 'lindewaard', name: 'Lindewaard' }),
				purpose: 'Je plan samen doorlezen',
				status: 'planned'
			}
		]
	},
	{
		key: 'wilma',
		name: 'Wilma Oosterhof',
		age: 52,
		birthdayDaysAgo: 30,
		language: 'nl',
		email: 'wilma.oosterhof@example.org',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'meedoen',
		benefitYears: 4,
		ladder: [[4 * 365 - 30, 3]],
		plan: {
			goal: 'Twee dagen per week vrijwilligerswerk doen.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 100,
			sharedDaysAgo: 90,
			agreedDaysAgo: 88,
			reviewInDays: 90,
			steps: [{ title: 'Een plek voor vrijwilligerswerk zoeken', owner: 'client', due: 20 }]
		},
		uses: [],
		appointments: []
	},
	{
		key: 'hala',
		name: 'Hala Mansour',
		age: 40,
		birthdayDaysAgo: 200,
		language: 'ar',
		gemeente: 'lindewaard',
		km: 'klantmanager2',
		segment: 'werk',
		benefitYears: 2,
		statushouder: true,
		applicationsPerWeek: 2,
		ladder: [[2 * 365 - 30, 4]],
		plan: {
			goal: 'Werk vinden in de zorg, eerst voor twintig uur per week.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 60,
			sharedDaysAgo: 50,
			agreedDaysAgo: 48,
			reviewInDays: 120,
			steps: [{ title: 'Elke week twee sollicitaties versturen', owner: 'client', due: 7 }]
		},
		uses: [],
		appointments: []
	},
	{
		key: 'noor',
		name: 'Noor Visser',
		age: 29,
		birthdayDaysAgo: 60,
		language: 'nl',
		gemeente: 'lindewaard',
		km: 'klantmanager',
		segment: 'werk',
		benefitYears: 1,
		applicationsPerWeek: 4,
		ladder: [[365 - 30, 5]],
		plan: {
			goal: 'Binnen drie maanden werk vinden als kok.',
			status: 'agreed',
			version: 1,
			createdDaysAgo: 40,
			sharedDaysAgo: 35,
			agreedDaysAgo: 34,
			reviewInDays: 60,
			steps: [{ title: 'Elke week vier sollicitaties versturen', owner: 'client', due: 7 }]
		},
		uses: [],
		appointments: []
	}
];
