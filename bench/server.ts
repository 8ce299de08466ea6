import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const START = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } })
	.scripts.start;
/** The V8 flags `npm start` gives the server (package.json), so the bench measures the same. */
const NODE_FLAGS: string[] = START.match(/--max-[a-z-]+=\d+/g) ?? [];
/** And the environment it sets before `node` (MALLOC_ARENA_MAX, see README). */
const START_ENV: Record<string, string> = Object.fromEntries(
	[...START.matchAll(/\b([A-Z_]+)=(\S+)\s+(?=[A-Z_]+=|node\b)/g)].map((m) => [m[1]!, m[2]!])
);

export interface RunningServer {
	base: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/** Starts the built app (build/) on its own port with demo data, PGlite or PostgreSQL. */
export async function startServer(opts: {
	port: number;
	databaseUrl?: string;
	/** A PGlite folder prepared beforehand (see seed.ts); a fresh one when absent. */
	dataDir?: string;
	/** More environment for the server, e.g. BENCH_COUNT_QUERIES. */
	env?: Record<string, string>;
}): Promise<RunningServer> {
	// Measured as it runs in production: with the heap flags of `npm start`.
	const base = `http://localhost:${opts.port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(opts.port),
		ORIGIN: base,
		DEMO_MODE: 'true',
		SEED_DEMO: 'true',
		NODE_ENV: 'production',
		...START_ENV,
		...opts.env
	};
	if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
	else env.DATA_DIR = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'wegwijs-bench-'));
	const child = spawn(process.execPath, [...NODE_FLAGS, 'scripts/server-entry.js'], {
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (Date.now() > deadline) throw new Error('server did not start in 120 s');
		try {
			const r = await fetch(`${base}/api/health`);
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		base,
		process: child,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				// adapter-node waits for idle keep-alive connections; don't wait for them here.
				setTimeout(() => child.kill('SIGKILL'), 3000).unref();
			})
	};
}

/** Signs in as a demo persona and returns the session cookie. */
export async function demoCookie(base: string, key: string): Promise<string> {
	const r = await fetch(`${base}/login?/demo`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
		body: `key=${encodeURIComponent(key)}`,
		redirect: 'manual'
	});
	const cookie = r.headers.getSetCookie().find((c) => c.startsWith('wegwijs_session='));
	if (!cookie) throw new Error(`demo sign-in as ${key} failed (${r.status})`);
	return cookie.split(';')[0]!;
}

/**
 * The floor: the bare SvelteKit app of bench/bare (same SvelteKit, Svelte, Vite and
 * adapter-node), served by adapter-node as it comes, with the same V8 flags.
 */
export async function startBare(port: number): Promise<RunningServer> {
	const base = `http://localhost:${port}`;
	const child = spawn(process.execPath, [...NODE_FLAGS, 'bench/bare/build/index.js'], {
		env: { ...process.env, ...START_ENV, PORT: String(port), ORIGIN: base, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (Date.now() > deadline) throw new Error('the bare app did not start in 30 s');
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		base,
		process: child,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 3000).unref();
			})
	};
}
