import {
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { env } from '$lib/server/env';
import { database } from '$lib/server/db';
import { countRoundTrips } from '$lib/server/db/round-trips';
import { seedDemo } from '$lib/server/db/seed/demo';
import { seedContent } from '$lib/server/db/seed/content';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { accessFor, mayAccess } from '$lib/server/auth/access';
import { createI18n } from '$lib/i18n';
import { directionOf } from '$lib/i18n/languages';
import { negotiateLanguage } from '$lib/i18n/negotiate';
import { LANGUAGES_WITH_MESSAGES, MESSAGES, messagesFor } from '$lib/i18n/messages.server';
import { LANGUAGE_COOKIE } from '$lib/server/language';
import { languagesOfAnyMunicipality, offered } from '$lib/server/domain/language-offer';
import { startReminderJob } from '$lib/server/jobs';
import { scheduleSurveys } from '$lib/server/survey-schedule';

export const init: ServerInit = async () => {
	if (building) return;
	const e = env(); // a bad variable stops start-up here, with its name
	const { db, kind } = await database();
	await seedContent(db);
	if (e.seedDemo && (await seedDemo(db))) console.log(`Wegwijs: demo data seeded (${kind})`);
	startReminderJob(db);
	scheduleSurveys(db, e.SURVEY_PERIODIC_MONTHS);
};

/** Benchmarks only (BENCH_COUNT_QUERIES=true): the request's database round trips in a header. */
const handleRoundTrips: Handle = async ({ event, resolve }) => {
	if (building || !env().BENCH_COUNT_QUERIES) return resolve(event);
	return countRoundTrips(async (count) => {
		const response = await resolve(event);
		try {
			response.headers.set('x-db-round-trips', String(count()));
		} catch {
			// immutable headers (a proxied response): nothing to report
		}
		return response;
	});
};

const handleDatabase: Handle = async ({ event, resolve }) => {
	if (!building) event.locals.db = (await database()).db;
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token && !building) {
		const result = await validateSessionToken(event.locals.db, token, env().SESSION_DAYS);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.session.renewed) {
				setSessionCookie(event.cookies, token, result.session.expiresAt);
			}
		} else {
			clearSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

const handleLanguage: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	const wanted = building
		? LANGUAGES_WITH_MESSAGES
		: (user?.municipalityLanguages ??
			(user ? LANGUAGES_WITH_MESSAGES : await languagesOfAnyMunicipality(event.locals.db)));
	const enabled = offered(wanted, LANGUAGES_WITH_MESSAGES);
	const lang = negotiateLanguage({
		userPreference: user?.language,
		cookie: event.cookies.get(LANGUAGE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language'),
		enabled
	});
	event.locals.lang = lang;
	event.locals.languages = enabled;
	event.locals.t = createI18n(lang, messagesFor(lang), MESSAGES.nl).t;
	const dir = directionOf(lang);
	// lang and dir are in the very first bytes, so screen readers and layout never guess.
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', lang)
				.replace('%dir%', dir)
				.replace('%textsize%', event.locals.user?.preferences.textSize ?? 'normal')
	});
};

/**
 * One access check for every request. Pages are checked again by their role's layout
 * (which renders a translated 403 page); mutations and API calls are refused right here.
 */
const handleAccess: Handle = async ({ event, resolve }) => {
	if (building) return resolve(event); // prerendering: only public pages, no person
	const access = accessFor(event.route.id);
	if (mayAccess(event.locals.user, access)) return resolve(event);
	const isApi = event.url.pathname.startsWith('/api/');
	const isRead = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (!event.locals.user) {
		if (isApi) return json({ message: event.locals.t('errors.forbidden') }, { status: 401 });
		const next = isRead ? `?next=${encodeURIComponent(event.url.pathname + event.url.search)}` : '';
		redirect(303, `/login${next}`);
	}
	if (isApi || !isRead) {
		return json({ message: event.locals.t('errors.forbidden') }, { status: 403 });
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	// Anything shown to a signed-in person is personal: never stored by a browser or proxy cache.
	if (event.locals.user) h.set('Cache-Control', 'no-store');
	h.append('Vary', 'Cookie');
	return response;
};

export const handle = sequence(
	handleRoundTrips,
	handleDatabase,
	handleSession,
	handleLanguage,
	handleAccess,
	handleHeaders
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	const t = event.locals.t;
	if (status === 404) return { message: t ? t('errors.notFound') : 'Not found' };
	const unavailable = isDatabaseDown(error);
	if (!unavailable) console.error(error);
	return { message: t ? t(unavailable ? 'errors.unavailable' : 'errors.server') : 'Error' };
};

function isDatabaseDown(error: unknown): boolean {
	const code = (error as { code?: string } | null)?.code;
	return code === 'ECONNREFUSED' || code === '57P01' || code === 'CONNECTION_CLOSED';
}
