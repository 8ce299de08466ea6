import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ALL, BUNDLES, ROUTE_STRINGS, SHELL, bundleOf, namespacesOf } from './bundles';
import type { Messages } from './index';

// A page gets only the strings of its bundle (#19). This reads the code every page runs (the
// page, its loads, the layouts above it, and every component and module they import) and lists
// the namespaces of the keys written in it: 'plan.steps.done', `km.errors.${code}`. A page
// that uses a namespace its bundle lacks would show bare keys: the test names it.
//
// What the server puts in page data as a key (a form error) is found where it is written: the
// route's server files, the form schemas (`*form.ts`, `*forms.ts`), kit/ and auth/limited.ts.

const NL = JSON.parse(readFileSync('messages/nl.json', 'utf8')) as Messages;
const NAMESPACES = new Set(Object.keys(NL));
const STAFF_NAMESPACES = ['km', 'report', 'admin'];

/** Shown by the root layout to staff only, and loaded only for them (`import('…')`). */
const STAFF_ONLY = ['src/lib/components/IdleWarning.svelte'];

type Read = (file: string) => string;
const readDisk: Read = (file) => readFileSync(file, 'utf8');

const IMPORT =
	/(?:import|export)\s(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*(?:['"]([^'"]+)['"]|\(\s*['"]([^'"]+)['"])/g;
const KEY = /['"`]([a-zA-Z]+)\.[a-zA-Z_$]/g;
const KEY_SOURCE = /^src\/lib\/server\/(kit\/[^/]+|auth\/limited|(.*[/-])?forms?)\.ts$/;

function resolve(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = path.join('src/lib', spec.slice(5));
	else if (spec.startsWith('.')) base = path.join(path.dirname(from), spec);
	else return null;
	for (const file of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')])
		if (existsSync(file) && statSync(file).isFile()) return file;
	return null;
}

/**
 * The files `start` runs, following imports (server code only where keys are written); with
 * `lazy`, also what they import when needed (`import('…')`).
 */
function closure(start: string[], read: Read, opts: { lazy: boolean }): string[] {
	const seen = new Set<string>();
	const todo = [...start];
	while (todo.length > 0) {
		const file = todo.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const m of read(file).matchAll(IMPORT)) {
			if (m[3] && !opts.lazy) continue;
			const found = resolve(file, (m[1] ?? m[2] ?? m[3])!);
			if (!found || /\.(css|json)$/.test(found)) continue;
			if (found.startsWith('src/lib/server/') && !KEY_SOURCE.test(found)) continue;
			todo.push(found);
		}
	}
	return [...seen];
}

function namespacesIn(files: string[], read: Read): Set<string> {
	const found = new Set<string>();
	for (const file of files)
		for (const m of read(file).matchAll(KEY)) if (NAMESPACES.has(m[1]!)) found.add(m[1]!);
	return found;
}

const ROUTES = 'src/routes';
const present = (dir: string, names: string[]) =>
	names.map((n) => path.join(dir, n)).filter((f) => existsSync(f));

/** Every page: its route id and the files it runs besides the root layout. */
function pages(): { id: string; files: string[] }[] {
	const out: { id: string; files: string[] }[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const p = path.join(dir, entry);
			if (statSync(p).isDirectory()) walk(p);
		}
		if (!existsSync(path.join(dir, '+page.svelte'))) return;
		const files = present(dir, ['+page.svelte', '+page.ts', '+page.server.ts']);
		for (let up = dir; up !== ROUTES; up = path.dirname(up))
			files.push(...present(up, ['+layout.svelte', '+layout.ts', '+layout.server.ts']));
		out.push({ id: dir.slice(ROUTES.length) || '/', files });
	};
	walk(ROUTES);
	return out;
}

const ROOT = present(ROUTES, [
	'+layout.svelte',
	'+layout.ts',
	'+layout.server.ts',
	'+error.svelte'
]);

/** The namespaces a page uses that neither the shell nor its bundle has. */
function missing(page: { id: string; files: string[] }, read: Read = readDisk): string[] {
	const has = new Set([...SHELL, ...namespacesOf(bundleOf(page.id), NL)]);
	const files = closure(page.files, read, { lazy: true });
	return [...namespacesIn(files, read)].filter((ns) => !has.has(ns)).sort();
}

describe('the strings each page gets (bundles.ts)', () => {
	it('every page has every namespace it uses', () => {
		const found = pages();
		expect(found.length).toBeGreaterThan(40);
		const wrong = found.map((p) => ({ page: p.id, missing: missing(p) }));
		expect(wrong.filter((w) => w.missing.length > 0)).toEqual([]);
	});

	// What the root layout loads when needed is not shown to everyone: the offline store, and
	// the parts for staff only (STAFF_ONLY), whose strings every staff page has.
	it('the shell has what the root layout and the error page show everyone', () => {
		const used = namespacesIn(closure(ROOT, readDisk, { lazy: false }), readDisk);
		expect([...used].filter((ns) => !SHELL.includes(ns))).toEqual([]);
		for (const file of STAFF_ONLY) {
			expect(readDisk('src/routes/+layout.svelte')).toContain(
				`import('${file.replace('src/lib/', '$lib/')}')`
			);
		}
	});

	it('fails for a page that shows a key of a namespace its bundle lacks', () => {
		const plan = pages().find((p) => p.id === '/(client)/plan')!;
		const planted: Read = (file) =>
			file.endsWith('(client)/plan/+page.svelte')
				? `${readDisk(file)}\n<p>{i18n.t('km.caseload.title')}</p>`
				: readDisk(file);
		expect(missing(plan)).toEqual([]);
		expect(missing(plan, planted)).toEqual(['km']);
		// Also when the key is built from data, and when a component the page imports uses it.
		const viaComponent: Read = (file) =>
			file.endsWith('components/AppointmentWhen.svelte')
				? `${readDisk(file)}\n{i18n.t(\`secondFactor.\${kind}\`)}`
				: readDisk(file);
		const home = pages().find((p) => p.id === '/(client)')!;
		expect(missing(home, viaComponent)).toEqual(['secondFactor']);
	});

	it('no client page downloads the staff screens’ strings', () => {
		for (const page of pages().filter((p) => p.id.startsWith('/(client)') || p.id === '/login')) {
			const bundle = bundleOf(page.id);
			expect(bundle).not.toBe(ALL);
			for (const ns of STAFF_NAMESPACES) expect(namespacesOf(bundle, NL)).not.toContain(ns);
		}
		for (const ns of STAFF_NAMESPACES) expect(SHELL).not.toContain(ns);
	});

	it('names only namespaces that exist, and every staff page gets them all', () => {
		// The browser's loader ($lib/i18n/load) knows the shell and "all" by these places.
		expect(BUNDLES.slice(0, 2)).toEqual(['shell', ALL]);
		for (const bundle of BUNDLES)
			expect(namespacesOf(bundle, NL).filter((ns) => !NAMESPACES.has(ns))).toEqual([]);
		expect(new Set(Object.keys(ROUTE_STRINGS)).size).toBe(BUNDLES.length - 2);
		for (const id of ['/km', '/km/clienten/[id=uuid]/plan', '/rapportage', '/beheer/talen'])
			expect([...SHELL, ...namespacesOf(bundleOf(id), NL)].sort()).toEqual([...NAMESPACES].sort());
	});
});
