import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The app's routes as the file system has them, read when the tests run, so a new page,
// form action or endpoint is in the security tests the moment it exists.

export type RouteKind = 'page' | 'action' | 'endpoint';

export interface RouteEntry {
	kind: RouteKind;
	/** SvelteKit's route id, groups included, e.g. "/(client)/afspraken/[id=uuid]". */
	routeId: string;
	method: string;
	/** The form action's name ("default" for an unnamed one). */
	action?: string;
	/** "GET /km", "POST /login ?/demo", "POST /api/client/actions": the key of every table. */
	key: string;
}

const METHODS =
	/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g;

/** The names of the form actions in a +page.server.ts (keys of `export const actions`). */
export function actionNames(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const open = source.indexOf('{', start);
	// The object literal's extent, by counting braces outside strings and comments.
	let depth = 0;
	let end = open;
	for (let i = open; i < source.length; i++) {
		const c = source[i]!;
		if (c === "'" || c === '"' || c === '`') {
			for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
		} else if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i);
		else if (c === '/' && source[i + 1] === '*') i = source.indexOf('*/', i) + 1;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) {
			end = i;
			break;
		}
	}
	// Its own keys are indented by exactly one tab (the files are prettier-formatted).
	const body = source.slice(open, end);
	const names = [...body.matchAll(/^\t(\w+)\s*(?::|\(|,)/gm)].map((m) => m[1]!);
	if (names.length === 0) throw new Error('export const actions without any action it could read');
	return [...new Set(names)];
}

export function listRoutes(root = path.resolve('src/routes')): RouteEntry[] {
	const out: RouteEntry[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir, { withFileTypes: true });
		const rel = path.relative(root, dir).split(path.sep).join('/');
		const routeId = '/' + rel;
		const has = (f: string) => files.some((x) => x.isFile() && x.name === f);
		if (has('+page.svelte') || has('+page.ts') || has('+page.server.ts')) {
			out.push({ kind: 'page', routeId, method: 'GET', key: `GET ${routeId}` });
		}
		if (has('+page.server.ts')) {
			for (const action of actionNames(readFileSync(path.join(dir, '+page.server.ts'), 'utf8')))
				out.push({
					kind: 'action',
					routeId,
					method: 'POST',
					action,
					key: `POST ${routeId} ?/${action}`
				});
		}
		if (has('+server.ts')) {
			const source = readFileSync(path.join(dir, '+server.ts'), 'utf8');
			const methods = [...source.matchAll(METHODS)].map((m) => m[1]!);
			if (methods.length === 0) throw new Error(`${routeId}/+server.ts exports no method`);
			for (const method of new Set(methods))
				out.push({ kind: 'endpoint', routeId, method, key: `${method} ${routeId}` });
		}
		for (const f of files) if (f.isDirectory()) walk(path.join(dir, f.name));
	};
	walk(root);
	return out.map((r) => (r.routeId === '/' ? r : { ...r, routeId: r.routeId.replace(/\/$/, '') }));
}

/** The parameters a route id has, e.g. ["id", "appointmentId"]. */
export function paramNames(routeId: string): string[] {
	return [...routeId.matchAll(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g)].map((m) => m[1]!);
}

/**
 * The route as a concrete path: groups left out, each [param] filled by `value` (which may
 * look at the route id, since `id` is a client on one route and an appointment on another).
 */
export function concretePath(
	entry: RouteEntry,
	value: (routeId: string, param: string) => string | undefined
): string {
	const p = entry.routeId
		.split('/')
		.filter((s) => !/^\(.*\)$/.test(s))
		.map((s) => {
			const m = /^\[(?:\.\.\.)?(\w+)(?:=\w+)?\]$/.exec(s);
			if (!m) return s;
			const v = value(entry.routeId, m[1]!);
			if (v === undefined) throw new Error(`no demo value for [${m[1]}] in ${entry.routeId}`);
			return encodeURIComponent(v);
		})
		.join('/');
	const pathname = p === '' ? '/' : p;
	if (entry.kind !== 'action' || entry.action === 'default') return pathname;
	return `${pathname}?/${entry.action}`;
}
