import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

// A throw-away PostgreSQL cluster of our own, for tests that stop and start the database
// server under a running app. The shared server on 5432 is never touched. initdb refuses to
// run as root, so as root everything runs as the `postgres` user (runuser), in a temporary
// folder that user owns. Missing binaries fail loudly: CI has them.

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
	port: number;
	/** A postgres:// URL for `database` (created by createDatabase) on this cluster. */
	url(database?: string): string;
	createDatabase(name: string): Promise<string>;
	/** Fast shutdown: connections are cut, like a database server going down. */
	stop(): void;
	start(): void;
	/** Stops the server (if running) and removes its folder. Safe to call twice. */
	destroy(): void;
}

function asPostgres(cmd: string, args: string[]): string[] {
	const root = process.getuid?.() === 0;
	return root ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
}

function run(cmd: string, args: string[], log?: string) {
	const [bin, ...rest] = asPostgres(cmd, args);
	try {
		execFileSync(bin!, rest, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
	} catch (e) {
		const tail = log && existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
		throw new Error(`${path.basename(cmd)} ${args.at(-1)} failed: ${String(e)}\n${tail}`);
	}
}

const live = new Set<PgCluster>();
// A test runner that dies must not leave database servers behind.
process.once('exit', () => {
	for (const cluster of live) cluster.destroy();
});

export function startPgCluster(port: number): PgCluster {
	const initdb = path.join(BIN, 'initdb');
	const pgCtl = path.join(BIN, 'pg_ctl');
	if (!existsSync(initdb) || !existsSync(pgCtl)) {
		throw new Error(`PostgreSQL binaries not found in ${BIN} (set PG_BIN); these tests need them`);
	}
	if (process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status !== 0) {
		throw new Error('runuser is needed to run initdb as the postgres user');
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-pg-'));
	const data = path.join(dir, 'data');
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	let running = false;
	const cluster: PgCluster = {
		port,
		url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
		async createDatabase(name) {
			const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
			try {
				await admin.unsafe(`create database "${name}"`);
			} finally {
				await admin.end();
			}
			return cluster.url(name);
		},
		start() {
			const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
			const log = path.join(dir, 'log');
			run(pgCtl, ['-D', data, '-o', opts, '-l', log, '-w', '-t', '30', 'start'], log);
			running = true;
		},
		stop() {
			if (!running) return;
			run(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
			running = false;
		},
		destroy() {
			live.delete(cluster);
			try {
				cluster.stop();
			} catch {
				// Already gone; the folder goes below either way.
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
	live.add(cluster);
	try {
		cluster.start();
	} catch (e) {
		live.delete(cluster);
		rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	return cluster;
}
