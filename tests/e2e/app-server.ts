import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Starts the built app through the production entry (scripts/serve.js, as `npm start` does:
// compression and the security headers in front of adapter-node's handler) as a process of
// our own, so a test can kill it, start it again on the same data, or run two side by side.

export interface AppServer {
	port: number;
	origin: string;
	/** Everything the process printed, for a failing test's message. */
	output(): string;
	/** Sends the signal and waits until the process is gone. */
	kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface AppServerOptions {
	port: number;
	/** postgres:// URL; without it the app uses PGlite in `dataDir`. */
	databaseUrl?: string;
	dataDir?: string;
	env?: Record<string, string>;
	/** How long to wait for /api/health to answer 200. */
	readyTimeoutMs?: number;
}

const live = new Set<ChildProcess>();
// A test runner that dies must not leave servers behind.
process.once('exit', () => {
	for (const child of live) child.kill('SIGKILL');
});

export async function startAppServer(opts: AppServerOptions): Promise<AppServer> {
	const origin = `http://localhost:${opts.port}`;
	const base = { ...process.env };
	delete base.DATABASE_URL;
	const child = spawn(process.execPath, [path.resolve('scripts/serve.js')], {
		env: {
			...base,
			PORT: String(opts.port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DEMO_MODE: 'true',
			SEED_DEMO: 'true',
			SURVEY_PERIODIC_MONTHS: '0',
			...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
			...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}),
			...opts.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	live.add(child);
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			live.delete(child);
			resolve();
		})
	);
	const server: AppServer = {
		port: opts.port,
		origin,
		output: () => out,
		async kill(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			// A graceful stop waits for open connections; never longer than 5 s.
			const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(force);
		}
	};
	const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`app server exited early:\n${out}`);
		const ok = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) })
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return server;
		await new Promise((r) => setTimeout(r, 150));
	}
	await server.kill('SIGKILL');
	throw new Error(`app server on ${opts.port} not ready in time:\n${out}`);
}

/** A temporary folder for a PGlite data dir; `remove()` deletes it. */
export function tempDataDir(): { dir: string; remove: () => void } {
	const dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-res-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Signs in through the login page's one-click demo form (demo mode is on) and returns the
 * session cookie, for tests that talk to a server with plain HTTP.
 */
export async function demoSession(origin: string, key: string): Promise<string> {
	const res = await fetch(`${origin}/login?/demo`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
		body: new URLSearchParams({ key }),
		redirect: 'manual'
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('wegwijs_session='));
	if (!cookie) throw new Error(`demo sign-in as ${key} failed: ${res.status}`);
	return cookie;
}
