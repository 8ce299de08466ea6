import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { concretePath, listRoutes, type RouteEntry } from './security-routes';
import {
	contextFor,
	databaseDigest,
	FORM_HEADERS,
	PERSONAS,
	type Persona
} from './security-personas';
import { BASE_URL } from './helpers';
import { headerProblems } from './security-headers';
import { demoIds, EXPECTED, L, OK, paramValue, type Expect } from './security-matrix';

// The authorization matrix: every page, form action and endpoint under src/routes (read from
// the file system when the test runs) × seven people, against the table in security-matrix.ts.

// Whose data each person may see. Maryam (WW-100005), Lieke and Tim are Sanne's; Frans and
// Lars are Ahmed's.
const CLIENTS = {
	// WW-100001 is also the example client number in every page's messages, so only her name.
	lieke: ['Lieke Jansen'],
	frans: ['Frans Bakker', 'WW-100002'],
	lars: ['Lars Visser', 'WW-100003'],
	tim: ['Tim Mulder', 'WW-100004'],
	maryam: ['Maryam Haddad', 'WW-100005']
} as const;
type Who = keyof typeof CLIENTS;
const MAY_SEE: Record<Persona, Who[] | 'all'> = {
	anonymous: [],
	client: ['maryam'],
	otherClient: ['lars'],
	klantmanager: ['lieke', 'tim', 'maryam'],
	otherTeamKm: ['frans', 'lars'],
	reporter: [],
	admin: 'all'
};

async function send(ctx: APIRequestContext, entry: RouteEntry, url: string): Promise<APIResponse> {
	const opts = { maxRedirects: 0, failOnStatusCode: false };
	if (entry.method === 'GET') return ctx.get(url, opts);
	if (entry.routeId.startsWith('/api/'))
		return ctx.fetch(url, {
			...opts,
			method: entry.method,
			headers: { origin: BASE_URL },
			data: {}
		});
	return ctx.post(url, { ...opts, headers: FORM_HEADERS, data: '' });
}

/**
 * Pages built at build time (the app shell and the offline page) are files served as they
 * are: no hooks, so no headers of ours; their policy is a <meta> tag, checked in
 * security-sessions.spec.ts.
 */
function prerendered(entry: RouteEntry): boolean {
	return entry.routeId === '/shell' || entry.routeId === '/offline';
}

function seen(res: APIResponse): Expect {
	const location = res.headers()['location'] ?? '';
	if (res.status() === 303 && location.startsWith('/login')) return L;
	return res.status();
}

test('every route answers each person as the table says, and shows no one else’s data', async () => {
	test.setTimeout(120_000);
	const ctx = Object.fromEntries(
		await Promise.all(PERSONAS.map(async (p) => [p, await contextFor(p)] as const))
	) as Record<Persona, APIRequestContext>;
	const ids = await demoIds(ctx);
	const routes = listRoutes();
	const before = await databaseDigest();

	const missing = routes.filter((r) => !EXPECTED[r.key]).map((r) => r.key);
	const stale = Object.keys(EXPECTED).filter((k) => !routes.some((r) => r.key === k));
	const observed: Record<string, Expect[]> = {};
	const wrong: string[] = [];
	const leaks: string[] = [];
	const headers: string[] = [];
	for (const entry of routes) {
		const url = concretePath(entry, paramValue(ids));
		observed[entry.key] = [];
		for (const persona of PERSONAS) {
			const want = EXPECTED[entry.key]?.[persona];
			if (want === OK) {
				observed[entry.key]!.push(OK);
				continue;
			}
			const res = await send(ctx[persona], entry, url);
			const got = seen(res);
			observed[entry.key]!.push(got);
			if (want !== undefined && got !== want)
				wrong.push(`${entry.key} as ${persona}: ${got}, expected ${want}`);
			const body = await res.text();
			for (const problem of prerendered(entry)
				? []
				: headerProblems(res.headers(), persona !== 'anonymous'))
				headers.push(`${entry.key} as ${persona}: ${problem}`);
			const may = MAY_SEE[persona];
			if (may === 'all') continue;
			for (const [who, marks] of Object.entries(CLIENTS) as [Who, readonly string[]][]) {
				if (may.includes(who)) continue;
				for (const mark of marks) {
					// The demo sign-in page lists the demo people by name, on purpose.
					if (entry.routeId === '/login' && !mark.startsWith('WW-')) continue;
					if (body.includes(mark)) leaks.push(`${entry.key} as ${persona} shows ${mark}`);
				}
			}
		}
	}
	// On a mismatch, what the app answered, in the table's own format.
	if (missing.length || wrong.length)
		console.log(
			Object.entries(observed)
				.map(
					([k, v]) =>
						`\t'${k}': row(${v.map((x) => (typeof x === 'number' ? x : x === L ? 'L' : 'OK')).join(', ')}),`
				)
				.join('\n')
		);
	expect(missing, 'routes without a row in EXPECTED').toEqual([]);
	expect(stale, 'rows in EXPECTED for routes that are gone').toEqual([]);
	expect(wrong).toEqual([]);
	expect(leaks).toEqual([]);
	expect(headers, 'security headers').toEqual([]);
	if (before) expect(await databaseDigest(), 'the matrix changed data').toEqual(before);
	for (const c of Object.values(ctx)) await c.dispose();
});
