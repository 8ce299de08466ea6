// Dutch texts used in generated plans and appointments.
import { type Segment, type StepOwner } from '../../db/schema';

// ── Texts used in generated plans and appointments ────────────────────────────

export const GOALS: Record<Segment | 'none', string[]> = {
	werk: [
		'Binnen zes maanden betaald werk vinden, minstens 24 uur per week.',
		'Een vaste baan vinden in de logistiek of de productie.',
		'Werk vinden in de zorg en daarnaast een opleiding doen.',
		'Meer uren werken, zodat ik geen uitkering meer nodig heb.',
		'Een baan vinden die past bij mijn ervaring.'
	],
	perspectief: [
		'Stap voor stap naar werk: eerst een werkervaringsplaats, dan betaald werk.',
		'Mijn Nederlands verbeteren en daarna een opleiding kiezen.',
		'Een werkritme opbouwen van 16 uur per week.',
		'Uitzoeken welk werk bij mij past en daarvoor een cursus doen.',
		'Met hulp van een jobcoach aan het werk blijven.'
	],
	meedoen: [
		'Meer mensen ontmoeten en een vast dagritme krijgen.',
		'Vrijwilligerswerk doen, twee ochtenden per week.',
		'Eerst werken aan mijn gezondheid, daarna kijken wat ik kan.',
		'Overzicht over mijn geld en hulp bij mijn schulden.',
		'Meedoen in de buurt en Nederlands oefenen.'
	],
	none: ['Samen uitzoeken wat ik nodig heb en welke hulp bij mij past.']
};

export const STEPS: Record<Segment | 'none', [string, StepOwner][]> = {
	werk: [
		['Elke week je sollicitaties in de app zetten', 'client'],
		['Je cv bijwerken', 'client'],
		['Je cv doorsturen naar het werkgeversservicepunt', 'klantmanager'],
		['Kennismaking bij een werkgever', 'partner'],
		['Inschrijven bij twee uitzendbureaus', 'client'],
		['Reiskosten voor je werk aanvragen', 'client'],
		['Gesprek over loonkostensubsidie met de werkgever', 'klantmanager']
	],
	perspectief: [
		['Een werkervaringsplaats zoeken die bij je past', 'klantmanager'],
		['Evaluatiegesprek met de werkgever', 'partner'],
		['Kinderopvang regelen voor je werkdagen', 'client'],
		['Intake bij de taalschool', 'partner'],
		['Afspraak maken voor een arbeidsdeskundig onderzoek', 'klantmanager'],
		['Oefenen met solliciteren', 'client'],
		['Je diploma’s en certificaten verzamelen', 'client']
	],
	meedoen: [
		['Kennismaken bij de vrijwilligerscentrale', 'client'],
		['Aanmelden bij het wijkteam', 'klantmanager'],
		['Twee keer per week naar de inloop in de buurt', 'client'],
		['Met je huisarts praten over je klachten', 'client'],
		['Aanmelden bij de schuldhulpverlening', 'klantmanager'],
		['Intake bij het welzijnswerk', 'partner']
	],
	none: [
		['Gegevens over je situatie aanleveren', 'client'],
		['Gesprek over wat je nodig hebt', 'klantmanager']
	]
};

export const PURPOSES = [
	'Je plan bespreken',
	'Hoe gaat het? Voortgang bespreken',
	'Evaluatie van je traject',
	'Gesprek over werk en sollicitaties',
	'Gesprek over scholing',
	'Kennismaking met je klantmanager'
];
export const BRING = [
	'Je identiteitsbewijs',
	'Je sollicitatielijst van de afgelopen weken',
	'Loonstroken van de afgelopen maand',
	'Brieven die je niet begrijpt',
	'Je cv',
	null,
	null
];
export const EXEMPTION_REASONS = [
	'Zorg voor jonge kinderen als alleenstaande ouder',
	'Medische redenen: in behandeling',
	'Psychische klachten: eerst herstel',
	'Mantelzorg voor een familielid',
	'Tijdelijk: ernstige problemen thuis'
];
export const STOP_REASONS = [
	'Ziek geworden',
	'Past niet bij de situatie',
	'Gestopt op eigen verzoek',
	'Kinderopvang niet rond',
	'Verhuisd naar een andere gemeente',
	'Plek bij de werkgever vervallen'
];
export const REACHABLE = [
	'ma t/m do 9.00–12.00',
	'ma, di en do 9.00–12.00',
	'di t/m vr 9.00–11.30',
	'ma t/m vr 13.00–15.00'
];
