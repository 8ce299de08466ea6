import type { APIRequestContext } from '@playwright/test';
import { PERSONAS, scrape, type Persona } from './security-personas';
import { BASE_URL as ORIGIN } from './helpers';

// The expected answer of every route (key as security-routes.ts makes it) for each person,
// and the demo data that fills the routes' parameters.

/** 303 to the sign-in page. */
export const L = 'login';
/** Allowed, but not sent: it would change data even without a body (e.g. cancel an appointment). */
export const OK = 'ok*';
export type Expect = number | typeof L | typeof OK;
export type Row = Record<Persona, Expect>;

/** Columns: anonymous, client (Maryam), another client (Lars), her klantmanager (Sanne),
 * another team's klantmanager (Ahmed), reporter, admin. */
const row = (...v: Expect[]): Row => Object.fromEntries(PERSONAS.map((p, i) => [p, v[i]!])) as Row;

// Anonymous requests for pages go to sign-in (API: 401); a signed-in person without the role
// gets the translated 403 page (API and posts: 403 JSON); Maryam's own things are 404 for Lars
// (nothing says they exist); another team's klantmanager gets 403 (and it is audited).
export const EXPECTED: Record<string, Row> = {
	'GET /(client)': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/afspraken': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/afspraken/[id=uuid]': row(L, 200, 404, 403, 403, 403, 403),
	'POST /(client)/afspraken/[id=uuid] ?/change': row(L, 400, 404, 403, 403, 403, 403),
	'GET /(client)/afspraken/[id=uuid]/agenda.ics': row(L, 200, 404, 403, 403, 403, 403),
	'GET /(client)/berichten': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/berichten/documenten/[doc=uuid]': row(L, 200, 404, 403, 403, 403, 403),
	'POST /(client)/berichten ?/send': row(L, 400, 400, 403, 403, 403, 403),
	'POST /(client)/berichten ?/read': row(L, 400, 400, 403, 403, 403, 403),
	'GET /(client)/plan': row(L, 200, 200, 403, 403, 403, 403),
	'POST /(client)/plan ?/step': row(L, 400, 400, 403, 403, 403, 403),
	'POST /(client)/plan ?/agree': row(L, 400, 400, 403, 403, 403, 403),
	'GET /(client)/plan/geschiedenis': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/profiel': row(L, 200, 200, 403, 403, 403, 403),
	'POST /(client)/profiel ?/default': row(L, 400, 400, 403, 403, 403, 403),
	'GET /(client)/profiel/gegevens': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/profiel/gegevens/bestand': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/uitleg': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/uitleg/[code=slug]': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/uitleg/hulp': row(L, 200, 200, 403, 403, 403, 403),
	'GET /(client)/uitleg/hulp/[code=slug]': row(L, 200, 200, 403, 403, 403, 403),
	'POST /(client)/uitleg/hulp/[code=slug] ?/ask': row(L, 400, 400, 403, 403, 403, 403),
	'GET /(client)/vragenlijst/[id=uuid]': row(L, 200, 404, 403, 403, 403, 403),
	'POST /(client)/vragenlijst/[id=uuid] ?/answer': row(L, 400, 404, 403, 403, 403, 403),
	'GET /activeren': row(200, 200, 200, 200, 200, 200, 200),
	'POST /activeren ?/default': row(400, 400, 400, 400, 400, 400, 400),
	'POST /api/client/actions': row(401, 400, 400, 403, 403, 403, 403),
	'GET /api/client/plan': row(401, 200, 200, 403, 403, 403, 403),
	'POST /api/client/documents': row(401, 400, 400, 403, 403, 403, 403),
	'POST /api/client/push': row(401, 400, 400, 403, 403, 403, 403),
	// Sent as a POST by the table's test (no body): the same answers as a DELETE without one.
	'DELETE /api/client/push': row(401, 400, 400, 403, 403, 403, 403),
	'GET /api/client/plans/[id=uuid]': row(401, 200, 404, 403, 403, 403, 403),
	// Recordings of content texts: the same for every client, nothing personal.
	'GET /api/client/opname/[id=uuid]': row(401, 200, 200, 403, 403, 403, 403),
	'GET /api/health': row(200, 200, 200, 200, 200, 200, 200),
	// "Blijf ingelogd" (#14): anyone signed in keeps their own session alive.
	'GET /api/session': row(401, 200, 200, 200, 200, 200, 200),
	// The sync API takes API keys only: a session of any kind is no key (security-input.spec.ts
	// sends malformed bodies with a real key).
	'PUT /api/v1/clients': row(401, 401, 401, 401, 401, 401, 401),
	'POST /api/v1/outflow': row(401, 401, 401, 401, 401, 401, 401),
	'PUT /api/v1/klantmanagers': row(401, 401, 401, 401, 401, 401, 401),
	'PUT /api/v1/appointments': row(401, 401, 401, 401, 401, 401, 401),
	'PUT /api/v1/instrument-uses': row(401, 401, 401, 401, 401, 401, 401),
	'PUT /api/v1/ladder-steps': row(401, 401, 401, 401, 401, 401, 401),
	'GET /api/v1/openapi.json': row(200, 200, 200, 200, 200, 200, 200),
	'GET /auth/[provider]': row(404, 404, 404, 404, 404, 404, 404),
	'GET /auth/[provider]/callback': row(L, L, L, L, L, L, L),
	// The benchmark's no-data page exists only with BENCH_COUNT_QUERIES=true (never in tests).
	'GET /bench/leeg': row(404, 404, 404, 404, 404, 404, 404),
	'GET /beheer': row(L, 403, 403, 403, 403, 403, 200),
	'GET /beheer/api-sleutels': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/api-sleutels ?/create': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/api-sleutels ?/revoke': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/audit': row(L, 403, 403, 403, 403, 403, 200),
	// A data copy for a written request (AVG art. 15): admin for any client, audited.
	'GET /beheer/gegevens': row(L, 403, 403, 403, 403, 403, 200),
	'GET /beheer/gegevens/[id=uuid]': row(L, 403, 403, 403, 403, 403, 200),
	'GET /beheer/gegevens/[id=uuid]/bestand': row(L, 403, 403, 403, 403, 403, 200),
	'GET /beheer/bewaartermijnen': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/bewaartermijnen ?/default': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/gebruikers': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/gebruikers ?/create': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/gebruikers ?/team': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/gebruikers/[id=uuid]': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/gebruikers/[id=uuid] ?/default': row(L, 403, 403, 403, 403, 403, 400),
	// Reset of a lost second factor (#14): an empty post lacks the admin's confirmation (400).
	'GET /beheer/gebruikers/[id=uuid]/tweede-stap': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/gebruikers/[id=uuid]/tweede-stap ?/default': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/import': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/import ?/default': row(L, 403, 403, 403, 403, 403, 400),
	// An import's status and progress: only the admin who started it (a made-up id: 404).
	'GET /beheer/import/[id=uuid]': row(L, 403, 403, 403, 403, 403, 404),
	'GET /beheer/import/[id=uuid]/voortgang': row(L, 403, 403, 403, 403, 403, 404),
	'GET /beheer/normen': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/normen ?/save': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/normen ?/remove': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/outbox': row(L, 403, 403, 403, 403, 403, 200),
	'GET /beheer/talen': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/talen ?/add': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/talen ?/languages': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/opname/[id=uuid]': row(L, 403, 403, 403, 403, 403, 200),
	'GET /beheer/teksten': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/teksten ?/setting': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/teksten ?/grant': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/teksten ?/revoke': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang]': row(
		L,
		403,
		403,
		403,
		403,
		403,
		200
	),
	// A dated version (#17): refused without a valid date and text.
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/schedule': row(
		L,
		403,
		403,
		403,
		403,
		403,
		400
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/save': row(
		L,
		403,
		403,
		403,
		403,
		403,
		400
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/preview': row(
		L,
		403,
		403,
		403,
		403,
		403,
		200
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/remove': row(
		L,
		403,
		403,
		403,
		403,
		403,
		OK
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/audio': row(
		L,
		403,
		403,
		403,
		403,
		403,
		400
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/audioCheck': row(
		L,
		403,
		403,
		403,
		403,
		403,
		OK
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/audioRemove': row(
		L,
		403,
		403,
		403,
		403,
		403,
		OK
	),
	'POST /beheer/teksten/[kind=contentkind]/[code=slug]/[lang=lang] ?/check': row(
		L,
		403,
		403,
		403,
		403,
		403,
		OK
	),
	// The glossary editor (#17): without a term or text, refused.
	'GET /beheer/woordenlijst/[lang=lang]': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/woordenlijst/[lang=lang] ?/save': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/woordenlijst/[lang=lang] ?/check': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/woordenlijst/[lang=lang] ?/remove': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/vragenlijsten': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/vragenlijsten ?/cadence': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/vragenlijsten ?/copy': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/vragenlijsten ?/activate': row(L, 403, 403, 403, 403, 403, 400),
	'GET /beheer/vragenlijsten/[id=uuid]/[lang=lang]': row(L, 403, 403, 403, 403, 403, 200),
	'POST /beheer/vragenlijsten/[id=uuid]/[lang=lang] ?/save': row(L, 403, 403, 403, 403, 403, 400),
	'POST /beheer/vragenlijsten/[id=uuid]/[lang=lang] ?/check': row(L, 403, 403, 403, 403, 403, OK),
	'GET /km': row(L, 403, 403, 200, 200, 403, 403),
	// Any klantmanager registers clients (for themselves, or their team as its lead).
	'GET /km/clienten/nieuw': row(L, 403, 403, 200, 200, 403, 403),
	'POST /km/clienten/nieuw ?/default': row(L, 403, 403, 400, 400, 403, 403),
	'GET /km/berichten': row(L, 403, 403, 200, 200, 403, 403),
	'POST /km/berichten ?/standIn': row(L, 403, 403, 400, 400, 403, 403),
	'GET /km/clienten/[id=uuid]/berichten': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/berichten ?/reply': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/berichten ?/read': row(L, 403, 403, 400, 403, 403, 403),
	'GET /km/clienten/[id=uuid]': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid] ?/answer': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid] ?/move': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid] ?/segment': row(L, 403, 403, 400, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/activatie': row(L, 403, 403, 200, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/gegevens': row(L, 403, 403, 200, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/gegevens/bestand': row(L, 403, 403, 200, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/documenten/[doc=uuid]': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/activatie ?/default': row(L, 403, 403, OK, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/afspraken/[appointmentId=uuid]': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/afspraken/[appointmentId=uuid] ?/move': row(
		L,
		403,
		403,
		400,
		403,
		403,
		403
	),
	'POST /km/clienten/[id=uuid]/afspraken/[appointmentId=uuid] ?/cancel': row(
		L,
		403,
		403,
		OK,
		403,
		403,
		403
	),
	'POST /km/clienten/[id=uuid]/afspraken/[appointmentId=uuid] ?/held': row(
		L,
		403,
		403,
		OK,
		403,
		403,
		403
	),
	'GET /km/clienten/[id=uuid]/afspraken/nieuw': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/afspraken/nieuw ?/default': row(L, 403, 403, 400, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/handhaving': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/handhaving ?/record': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/handhaving ?/correct': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/handhaving ?/withdraw': row(L, 403, 403, 400, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/hulp': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/hulp ?/register': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/hulp ?/end': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/hulp ?/outflow': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/hulp ?/reentry': row(L, 403, 403, 400, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/plan': row(L, 403, 403, 200, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/plan ?/create': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/plan ?/template': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/plan ?/save': row(L, 403, 403, 400, 403, 403, 403),
	'POST /km/clienten/[id=uuid]/plan ?/translate': row(L, 403, 403, 400, 403, 403, 403),
	'GET /km/clienten/[id=uuid]/plan/versies': row(L, 403, 403, 200, 403, 403, 403),
	'GET /login': row(200, 303, 303, 303, 303, 303, 303),
	'POST /login ?/password': row(400, 303, 303, 303, 303, 303, 303),
	'POST /login ?/demo': row(400, 303, 303, 303, 303, 303, 303),
	// The second factor (#14) opens only for half a sign-in (a staff password, no code yet);
	// nobody in this table has one, so all go to sign-in. security-second-factor.spec.ts has it.
	'GET /login/tweede-stap': row(L, L, L, L, L, L, L),
	'POST /login/tweede-stap ?/setup': row(L, L, L, L, L, L, L),
	'POST /login/tweede-stap ?/verify': row(L, L, L, L, L, L, L),
	// The passkey ceremony (#14) answers only half a sign-in; anyone else gets 401 JSON.
	'POST /login/tweede-stap/passkey': row(401, 401, 401, 401, 401, 401, 401),
	// Signing out is checked in security-sessions.spec.ts (it would end these sessions).
	'POST /logout': row(L, OK, OK, OK, OK, OK, OK),
	'GET /logout': row(L, L, L, L, L, L, L),
	'GET /offline': row(200, 200, 200, 200, 200, 200, 200),
	'GET /rapportage': row(L, 403, 403, 403, 403, 200, 403),
	'GET /rapportage/csv/[table=slug]': row(L, 403, 403, 403, 403, 200, 403),
	'GET /rapportage/normen': row(L, 403, 403, 403, 403, 200, 403),
	'POST /rapportage/normen ?/save': row(L, 403, 403, 403, 403, 400, 403),
	'POST /rapportage/normen ?/remove': row(L, 403, 403, 403, 403, 400, 403),
	'GET /rapportage/open-antwoorden': row(L, 403, 403, 403, 403, 200, 403),
	'GET /shell': row(200, 200, 200, 200, 200, 200, 200),
	'POST /taal': row(303, 303, 303, 303, 303, 303, 303)
};

// The demo data each route's parameters come from: Maryam's file, seen by her and by Sanne.
export interface DemoIds {
	clientId: string;
	appointmentId: string;
	planId: string;
	invitationId: string;
	/** A PDF Maryam uploaded for this test (not sent with a message). */
	documentId: string;
	topic: string;
	instrument: string;
	userId: string;
	survey: [string, string];
	text: [string, string, string];
	/** A demo recording (Tigrinya, inlichtingenplicht). */
	audio: string;
}

export function paramValue(ids: DemoIds) {
	return (routeId: string, param: string): string | undefined => {
		const under = (prefix: string) => routeId.startsWith(prefix);
		if (under('/km/clienten/') && param === 'id') return ids.clientId;
		if (param === 'appointmentId') return ids.appointmentId;
		if (param === 'doc') return ids.documentId;
		if (under('/(client)/afspraken/') && param === 'id') return ids.appointmentId;
		if (under('/(client)/vragenlijst/') && param === 'id') return ids.invitationId;
		if (under('/api/client/plans/') && param === 'id') return ids.planId;
		if (under('/(client)/uitleg/hulp/') && param === 'code') return ids.instrument;
		if (under('/(client)/uitleg/') && param === 'code') return ids.topic;
		if (under('/beheer/gebruikers/') && param === 'id') return ids.userId;
		if (under('/beheer/gegevens/') && param === 'id') return ids.clientId;
		if (under('/beheer/import/') && param === 'id') return '0e0e0e0e-0000-4000-8000-000000000000';
		if (under('/beheer/vragenlijsten/')) return { id: ids.survey[0], lang: ids.survey[1] }[param];
		if (under('/beheer/woordenlijst/') && param === 'lang') return 'tr';
		if (under('/beheer/teksten/'))
			return { kind: ids.text[0], code: ids.text[1], lang: ids.text[2] }[param];
		if ((under('/api/client/opname/') || under('/beheer/opname/')) && param === 'id')
			return ids.audio;
		if (under('/rapportage/csv/') && param === 'table') return 'methods';
		if (under('/auth/') && param === 'provider') return 'digid';
		return undefined;
	};
}

export const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** Maryam uploads a small PDF (the same key each run, so a second run stores nothing new). */
async function uploadPdf(client: APIRequestContext): Promise<string> {
	const res = await client.post('/api/client/documents', {
		headers: { 'idempotency-key': 'security-matrix-document-0001', origin: ORIGIN },
		multipart: {
			file: {
				name: 'brief.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from(
					'%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
				)
			}
		}
	});
	const body = (await res.json()) as { id?: string };
	if (!body.id) throw new Error(`upload for the access table failed: ${res.status()}`);
	return body.id;
}

export async function demoIds(ctx: Record<Persona, APIRequestContext>): Promise<DemoIds> {
	const client = ctx.client;
	const admin = ctx.admin;
	const plan = await (await client.get('/api/client/plan')).json();
	const text = await scrape(admin, '/beheer/teksten', /href="\/beheer\/teksten\/([^"?]+)"/);
	const survey = await scrape(
		admin,
		'/beheer/vragenlijsten',
		new RegExp(`href="/beheer/vragenlijsten/(${UUID.slice(1, -1)}/[a-z]+)"`)
	);
	return {
		clientId: await scrape(
			ctx.klantmanager,
			'/km',
			new RegExp(`href="/km/clienten/${UUID}">Maryam Haddad<`)
		),
		appointmentId: await scrape(client, '/afspraken', new RegExp(`href="/afspraken/${UUID}"`)),
		planId: plan.id,
		invitationId: await scrape(client, '/', new RegExp(`href="/vragenlijst/${UUID}"`)),
		documentId: await uploadPdf(client),
		topic: await scrape(client, '/uitleg', /href="\/uitleg\/((?!hulp")[a-z0-9-]+)"/),
		instrument: await scrape(client, '/uitleg/hulp', /href="\/uitleg\/hulp\/([a-z0-9-]+)"/),
		userId: await scrape(
			admin,
			'/beheer/gebruikers',
			new RegExp(`href="/beheer/gebruikers/${UUID}"`)
		),
		survey: survey.split('/') as [string, string],
		text: text.split('/').map(decodeURIComponent) as [string, string, string],
		audio: await scrape(
			admin,
			'/beheer/teksten/onderwerp/inlichtingenplicht/ti',
			new RegExp(`/beheer/opname/${UUID}`)
		)
	};
}
