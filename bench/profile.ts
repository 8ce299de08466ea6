// `npx tsx bench/profile.ts`: where a page's time goes. Starts the built app under
// `node --cpu-prof` (PostgreSQL when BENCH_DATABASE_URL is set, else PGlite), puts each page
// under load in turn, one profile per page, and prints self time by package and by function.
// Small by default (PROFILE_SECONDS=8, PROFILE_CONNECTIONS=20): numbers to read, not targets.
// Page names as arguments profile only those (`npx tsx bench/profile.ts no-data sign-in`);
// `--bare` profiles the bare SvelteKit page of bench/bare (built) the same way, for comparison;
// `--keep` keeps the .cpuprofile files (open them in Chrome's DevTools) and prints their folder.
// PROFILE_INCLUSIVE=<n> also prints the n functions with the most time including what they call.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../scripts/scratch-db.js';
import { demoCookie } from './server';
import { loadTest } from './load';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 20);
const TOP = Number(process.env.PROFILE_TOP ?? 12);
/** PROFILE_INCLUSIVE=<n>: also the n functions with the most time including what they call. */
const INCLUSIVE = Number(process.env.PROFILE_INCLUSIVE ?? 0);
const pgBase = process.env.BENCH_DATABASE_URL;
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const bare = process.argv.includes('--bare');
const keep = process.argv.includes('--keep');

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Where a frame's code comes from: a package, Node itself, the app, or V8's own work. */
function origin(url: string, name: string): string {
	if (!url) return name.startsWith('(') ? name : '(native)';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1]!;
	if (url.startsWith('node:')) return 'node internals';
	if (url.includes('/build/server/')) return 'app (build/server)';
	return path.basename(url);
}

function summarise(file: string, requests: number, top = TOP) {
	const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<number, number>();
	p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
	let total = 0;
	let idle = 0;
	const byOrigin = new Map<string, number>();
	const byFunction = new Map<string, number>();
	const inclusive = new Map<string, number>();
	const name = (id: number) => {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		const o = origin(url, functionName);
		const where = url.includes('/build/server/') ? url.split('/build/server/')[1] : o;
		return `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
	};
	for (const [id, us] of self) {
		const { functionName, url } = byId.get(id)!.callFrame;
		total += us;
		if (functionName === '(idle)') {
			idle += us;
			continue;
		}
		const o = origin(url, functionName);
		byOrigin.set(o, (byOrigin.get(o) ?? 0) + us);
		const f = name(id);
		byFunction.set(f, (byFunction.get(f) ?? 0) + us);
		// Inclusive: this sample counts once for every distinct function on its stack.
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const g = name(at);
			if (seen.has(g)) continue;
			seen.add(g);
			inclusive.set(g, (inclusive.get(g) ?? 0) + us);
		}
	}
	const busy = total - idle;
	const pct = (us: number) => ((us / busy) * 100).toFixed(1).padStart(5) + '%';
	const sorted = (m: Map<string, number>, n = top) =>
		[...m].sort((a, b) => b[1] - a[1]).slice(0, n);
	const skip = /^\((root|program|garbage collector)\)/;
	return [
		`busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s; ` +
			// CPU per answer depends far less on other work on a shared machine than req/s.
			`${(busy / 1e3 / Math.max(requests, 1)).toFixed(2)} ms CPU per answer (${requests} answers)`,
		'  by origin:',
		...sorted(byOrigin).map(([k, us]) => `    ${pct(us)}  ${k}`),
		'  by function (self time):',
		...sorted(byFunction).map(([k, us]) => `    ${pct(us)}  ${k}`),
		...(INCLUSIVE
			? [
					'  by function (with what it calls):',
					...sorted(new Map([...inclusive].filter(([k]) => !skip.test(k))), INCLUSIVE).map(
						([k, us]) => `    ${pct(us)}  ${k}`
					)
				]
			: [])
	].join('\n');
}

const dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-prof-'));
const db = pgBase && !bare ? await createScratchDatabase(pgBase, 'wegwijs_prof') : null;
const base = `http://localhost:${PORT}`;
const env: NodeJS.ProcessEnv = {
	...process.env,
	PORT: String(PORT),
	ORIGIN: base,
	DEMO_MODE: 'true',
	SEED_DEMO: 'true',
	NODE_ENV: 'production',
	// Opens /bench/leeg, the no-data page (as bench/cpu.ts does).
	BENCH_COUNT_QUERIES: 'true',
	PROFILE_DIR: dir,
	...(bare ? { PROFILE_ENTRY: '../bench/bare/build/index.js' } : {})
};
if (db) env.DATABASE_URL = db.url;
else env.DATA_DIR = path.join(dir, 'pglite');
const child = spawn(process.execPath, ['bench/profile-entry.js'], {
	env,
	stdio: ['ignore', 'ignore', 'inherit']
});
const written = () => readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).length;
try {
	for (let i = 0; ; i++) {
		if (i > 480) throw new Error('server did not start');
		try {
			if ((await fetch(bare ? base : `${base}/api/health`)).ok) break;
		} catch {
			// not yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	const pages = (
		bare
			? [{ label: 'bare SvelteKit page', path: '/', who: null }]
			: [
					{ label: 'no-data page', path: '/bench/leeg', who: null },
					{ label: 'sign-in page', path: '/login', who: null },
					{ label: 'Home', path: '/', who: 'lars' },
					{ label: 'Mijn plan', path: '/plan', who: 'lars' },
					{ label: 'caseload', path: '/km', who: 'klantmanager' }
				]
	).filter((p) => bare || only.length === 0 || only.some((o) => p.label.includes(o)));
	for (const [n, page] of pages.entries()) {
		const cookie = page.who ? await demoCookie(base, page.who) : undefined;
		await loadTest(base, { ...page, cookie }, { connections: CONNECTIONS, seconds: 2 });
		child.kill('SIGUSR2');
		const r = await loadTest(
			base,
			{ ...page, cookie },
			{ connections: CONNECTIONS, seconds: SECONDS }
		);
		child.kill('SIGUSR2');
		while (written() <= n) await new Promise((r) => setTimeout(r, 200));
		await new Promise((r) => setTimeout(r, 500)); // the file is written in one go
		console.log(
			`\n## ${page.label} (${page.path}): ${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.p99} ms, ` +
				`${CONNECTIONS} connections, ${SECONDS} s, ${bare ? 'no database' : db ? 'PostgreSQL' : 'PGlite'}`
		);
		console.log(summarise(path.join(dir, `${n}.cpuprofile`), r.requests));
	}
} finally {
	if (child.exitCode === null) {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGKILL');
		await exited;
	}
	await db?.drop();
	if (keep) console.log(`\nprofiles kept in ${dir}`);
	else rmSync(dir, { recursive: true, force: true });
}
