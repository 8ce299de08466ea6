import {
	json,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { env, markDemoFolder } from '$lib/server/env';
import { database } from '$lib/server/db';
import { countRoundTrips } from '$lib/server/db/round-trips';
import { seedDemo } from '$lib/server/seed/demo';
import { seedContent } from '$lib/server/seed/content';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '$lib/server/kit/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { accessFor, mayAccess } from '$lib/server/auth/access';
import { directionOf } from '$lib/i18n/languages';
import { negotiateLanguage } from '$lib/i18n/negotiate';
import { LANGUAGES_WITH_MESSAGES, translatorFor } from '$lib/i18n/messages.server';
import { LANGUAGE_COOKIE } from '$lib/server/language';
import { languagesOfAnyGemeente, offered } from '$lib/server/content/language-offer';
import { startReminderJob } from '$lib/server/jobs/reminders';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { loggable } from '$lib/server/audit/safe-log';
import { scheduleSurveys } from '$lib/server/jobs/survey-schedule';
import { onShutdown } from '$lib/server/jobs/shutdown';
import { scheduleHeldAnswers } from '$lib/server/jobs/held-answers';
import { scheduleDaily } from '$lib/server/retention/daily';
import { bodySizeVerdict, IMPORT_PATH } from '$lib/server/import/body-size';
import { progressPoller } from '$lib/server/import/jobs';
import { problem } from '$lib/server/kit/api-v1';
import { fillHtmlAttributes } from '$lib/server/kit/html-attributes';

export const init: ServerInit = async () => {
	if (building) return;
	const e = env(); // a bad variable stops start-up here, with its name
	const { db, kind, exclusive } = await database();
	markDemoFolder(e);
	// Several processes may start at once on one database: one at a time fills it.
	await exclusive(async () => {
		await seedContent(db);
		if (e.seedDemo && (await seedDemo(db))) console.log(`Wegwijs: demo data seeded (${kind})`);
	});
	const stopReminders = startReminderJob(db);
	scheduleSurveys(db, e.SURVEY_PERIODIC_MONTHS);
	scheduleHeldAnswers(db);
	scheduleDaily(db, e.AUDIT_RETENTION_MONTHS);
	// SIGTERM: adapter-node finishes the running requests, then this ends the rest (#14).
	onShutdown(process, {
		stopTimers: stopReminders,
		closeDatabase: async () => (await database()).close(),
		exit: (code) => process.exit(code),
		graceMs: 5000
	});
};

/** The locals of requests that failed on an unreachable database (set by handleError). */
const databaseDown = new WeakSet<object>();

/**
 * While PostgreSQL is down or restarting, every request answers 503 with a translated
 * message (JSON for /api, a page otherwise) instead of a 500, and the next request after it
 * is back simply works: postgres.js opens new connections on demand, nothing to restart.
 */
const handleUnavailable: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		// Thrown before a page could render (the session or language lookup).
		if (!isDatabaseUnavailable(e)) throw e;
		return unavailableResponse(event);
	}
	if (response.status !== 500 || !databaseDown.has(event.locals)) return response;
	// A load or endpoint failed on the database: handleError gave the translated message,
	// the rendered error page or JSON body stays; only the status says what happened.
	const headers = new Headers(response.headers);
	headers.set('Retry-After', '5');
	headers.set('Cache-Control', 'no-store');
	return new Response(response.body, { status: 503, headers });
};

function unavailableResponse(event: RequestEvent): Response {
	const lang = negotiateLanguage({
		cookie: event.cookies.get(LANGUAGE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language'),
		enabled: LANGUAGES_WITH_MESSAGES
	});
	const t = translatorFor(lang);
	const headers = { 'Retry-After': '5', 'Cache-Control': 'no-store' };
	const message = t('errors.unavailable');
	if (event.url.pathname.startsWith('/api/') || event.url.pathname.endsWith('/__data.json')) {
		return json(
			{ ok: false, error: 'unavailable', database: 'down', message },
			{ status: 503, headers }
		);
	}
	const esc = (s: string) =>
		s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
	const title = esc(t('errors.unavailableTitle'));
	const html = `<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${esc(t('app.name'))}</title></head>
<body><main><h1>${title}</h1><p>${esc(message)}</p><p><a href="${esc(event.url.pathname)}">${esc(t('pwa.tryAgain'))}</a></p></main></body>
</html>`;
	return new Response(html, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

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
	event.locals.client = null;
	event.locals.pendingSignIn = null;
	event.locals.unreadMessages = 0;
	const token = event.cookies.get(SESSION_COOKIE);
	// The progress poll of a running import, by the session that started it: answered without
	// the database, which a PGlite import holds until it is done (import/jobs.ts).
	const poller =
		token && !building && event.request.method === 'GET'
			? progressPoller(event.url.pathname, token)
			: null;
	if (poller) {
		event.locals.user = poller;
		return resolve(event);
	}
	if (token && !building) {
		const result = await validateSessionToken(event.locals.db, token, env().sessionLimits);
		if (result?.session.secondFactorPending) {
			// Half a sign-in opens nothing but the second-factor page.
			event.locals.pendingSignIn = {
				sessionId: result.session.id,
				user: result.user,
				since: result.session.verifiedAt
			};
		} else if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			event.locals.client = result.client;
			event.locals.unreadMessages = result.unreadMessages;
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
		: (user?.gemeenteLanguages ??
			(user ? LANGUAGES_WITH_MESSAGES : await languagesOfAnyGemeente(event.locals.db)));
	const enabled = offered(wanted, LANGUAGES_WITH_MESSAGES);
	const lang = negotiateLanguage({
		userPreference: user?.language,
		cookie: event.cookies.get(LANGUAGE_COOKIE),
		acceptLanguage: event.request.headers.get('accept-language'),
		enabled
	});
	event.locals.lang = lang;
	event.locals.languages = enabled;
	event.locals.t = translatorFor(lang);
	const dir = directionOf(lang);
	// lang and dir are in the very first bytes, so screen readers and layout never guess.
	// The text size is read when the page is written: an action may just have changed it.
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			fillHtmlAttributes(html, {
				lang,
				dir,
				textSize: event.locals.user?.preferences.textSize ?? 'normal'
			})
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
		// Returned, not thrown, so handleHeaders (around this hook) still adds its headers.
		return new Response(null, { status: 303, headers: { location: `/login${next}` } });
	}
	if (isApi || !isRead) {
		return json({ message: event.locals.t('errors.forbidden') }, { status: 403 });
	}
	return resolve(event);
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Outside /api every post is a form (actions, sign-out, language). A body of another type
 * cannot be read as one; it is refused here with a message instead of failing in the action.
 */
const handleFormBody: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD' || event.url.pathname.startsWith('/api/'))
		return resolve(event);
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0]!.trim();
	if (FORM_TYPES.includes(type.toLowerCase())) return resolve(event);
	return json({ message: event.locals.t('errors.badRequest') }, { status: 415 });
};

/**
 * BODY_SIZE_LIMIT is large for the import (scripts/server-entry.js); a body announced as larger
 * than its route takes is refused here, before anything reads it: a too-large import goes back
 * to the import page with our own message (also without JavaScript), any other post gets 413.
 */
const handleBodySize: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const verdict = bodySizeVerdict(event.url.pathname, Number.isFinite(length) ? length : 0);
	if (verdict === 'ok') return resolve(event);
	if (verdict === 'import')
		return new Response(null, { status: 303, headers: { location: `${IMPORT_PATH}?te-groot` } });
	return json({ message: event.locals.t('errors.tooLarge') }, { status: 413 });
};

/**
 * PostgreSQL cannot store a NUL character in text, and no search, form or JSON body has a use
 * for one: such a request is refused here with a message, before any query fails on it.
 */
const handleNul: Handle = async ({ event, resolve }) => {
	if (building) return resolve(event); // prerendering: no query string, no body
	const { request, url } = event;
	let nul = url.search.includes('%00');
	if (!nul && request.body && request.method !== 'GET' && request.method !== 'HEAD') {
		const type = request.headers.get('content-type') ?? '';
		if (type.toLowerCase().startsWith('multipart/form-data')) {
			// A document's bytes may hold any byte (#16); its text fields may not.
			const form = await request
				.clone()
				.formData()
				.catch(() => null);
			for (const [name, value] of form ?? []) {
				if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) nul = true;
			}
		} else {
			const body = await request.clone().text();
			nul = body.includes('\0') || /%00|\\u0000/i.test(body);
		}
	}
	if (!nul) return resolve(event);
	// The sync API answers every problem as problem+json (RFC 9457), this one too.
	if (url.pathname.startsWith('/api/v1/'))
		return problem(event, 400, 'invalid', {
			items: [{ pointer: '', error: { key: 'errors.badRequest' } }]
		});
	const message = event.locals.t('errors.badRequest');
	const api = url.pathname.startsWith('/api/');
	return json(api ? { ok: false, error: 'invalid', message } : { message }, { status: 400 });
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	// Anything shown to a signed-in person is personal: never stored by a browser or proxy cache.
	// So are the answers that may start a session (a post, an OIDC callback): they carry the
	// new session cookie, which SvelteKit adds only after this hook.
	const read = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (event.locals.user || !read || event.route.id?.startsWith('/auth/'))
		h.set('Cache-Control', 'no-store');
	h.append('Vary', 'Cookie');
	return response;
};

export const handle = sequence(
	handleRoundTrips,
	handleUnavailable,
	handleDatabase,
	handleSession,
	handleLanguage,
	// Outside the access check, so its refusals and redirects carry the headers too.
	handleHeaders,
	handleAccess,
	handleBodySize,
	handleFormBody,
	handleNul
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	const t = event.locals.t;
	if (status === 404) return { message: t ? t('errors.notFound') : 'Not found' };
	// Other refusals SvelteKit makes itself (a request it cannot read): the asker's mistake.
	if (status >= 400 && status < 500) return { message: t ? t('errors.badRequest') : 'Bad request' };
	if (isDatabaseUnavailable(error)) {
		databaseDown.add(event.locals);
		console.warn(`Wegwijs: database unavailable (${event.url.pathname})`);
		return { message: t ? t('errors.unavailable') : 'Unavailable', code: 'unavailable' };
	}
	// Without parameter values or database detail: those are what people typed (#14).
	console.error(loggable(error));
	return { message: t ? t('errors.server') : 'Error' };
};
