import { expect, request, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './helpers';
import { hasDatabase, sql } from './db';

// Signed-in request contexts for the security tests: one per person, no browser.

export const PERSONAS = [
	'anonymous',
	'client',
	'otherClient',
	'klantmanager',
	'otherTeamKm',
	'reporter',
	'admin'
] as const;
export type Persona = (typeof PERSONAS)[number];

/** Demo keys (see src/lib/server/seed/personas/ and seed/demo-staff.ts): Maryam is Sanne's (team Noord), Lars is Ahmed's (team Zuid). */
export const DEMO_KEY: Record<Exclude<Persona, 'anonymous'>, string> = {
	client: 'maryam',
	otherClient: 'lars',
	klantmanager: 'klantmanager',
	otherTeamKm: 'klantmanager2',
	reporter: 'reporter',
	admin: 'admin'
};

/** A form post as a browser without JavaScript sends it, from the app's own origin. */
export const FORM_HEADERS = {
	origin: BASE_URL,
	accept: 'text/html',
	'content-type': 'application/x-www-form-urlencoded'
};

/** A request context that keeps its cookies; signed in as `persona` unless anonymous. */
export async function contextFor(persona: Persona): Promise<APIRequestContext> {
	const ctx = await request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { 'accept-language': 'nl' }
	});
	if (persona !== 'anonymous') await demoSignIn(ctx, DEMO_KEY[persona]);
	return ctx;
}

export async function demoSignIn(ctx: APIRequestContext, key: string) {
	const res = await ctx.post('/login?/demo', {
		headers: FORM_HEADERS,
		form: { key },
		maxRedirects: 0
	});
	expect(res.status(), `demo sign-in as ${key}`).toBe(303);
}

/** The first match of `re` (group 1) in the body of `path`, or a failed test. */
export async function scrape(ctx: APIRequestContext, path: string, re: RegExp): Promise<string> {
	const html = await (await ctx.get(path)).text();
	const m = re.exec(html);
	expect(m, `${re} on ${path}`).not.toBeNull();
	return m![1]!;
}

// What changes on reads by design: who opened what, sessions, failed sign-ins, an inbox
// message's read mark (set when the client opens /berichten), and the council report of a
// closed period, frozen the first time anyone opens it (docs/REPORT.md).
const CHANGES_ON_READ = new Set(['audit_event', 'session', 'sign_in_failure', 'report_snapshot']);
const COLUMNS_CHANGED_ON_READ: Record<string, string[]> = {
	notification: ['read_at'],
	// A sync API call with a valid key notes when the key was last used, whatever the body.
	api_key: ['last_used_at']
};

/**
 * A digest of every row of every other table (PostgreSQL runs only; PGlite cannot be read
 * from outside the app). Two equal digests mean no data changed in between.
 */
export async function databaseDigest(): Promise<Record<string, string> | null> {
	if (!hasDatabase) return null;
	const db = sql();
	const tables = await db<{ name: string }[]>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
	const out: Record<string, string> = {};
	for (const { name } of tables) {
		if (CHANGES_ON_READ.has(name)) continue;
		const skip = (COLUMNS_CHANGED_ON_READ[name] ?? []).map((c) => ` - '${c}'`).join('');
		const [row] = await db.unsafe(
			`select count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(t)${skip})::text, '|' order by (to_jsonb(t)${skip})::text)), '') as d from "${name}" t`
		);
		out[name] = row!.d as string;
	}
	return out;
}
