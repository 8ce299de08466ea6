// A throw-away PostgreSQL server for `npm test` when no TEST_DATABASE_URL is given, so the
// database tests run on PostgreSQL as well as PGlite. Same approach as tests/e2e/pg-cluster.ts
// (initdb into a temporary folder, pg_ctl on a free port, trust auth on 127.0.0.1 only; as
// root everything runs as the `postgres` user). Returns null when the binaries are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A port nobody listens on right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * @returns {Promise<{ url: string, stop: () => void } | null>} the server's postgres:// URL
 *   (database `postgres`) and a function that stops it and removes its folder; null when
 *   initdb/pg_ctl are not installed or the server does not start.
 */
export async function startThrowawayPostgres() {
	const initdb = path.join(BIN, 'initdb');
	const pgCtl = path.join(BIN, 'pg_ctl');
	if (!existsSync(initdb) || !existsSync(pgCtl)) return null;
	const root = process.getuid?.() === 0;
	if (root && spawnSync('runuser', ['--help']).status !== 0) return null;
	/** @param {string} cmd @param {string[]} args */
	const run = (cmd, args) => {
		const [bin, ...rest] = root
			? ['runuser', '-u', 'postgres', '--', cmd, ...args]
			: [cmd, ...args];
		execFileSync(/** @type {string} */ (bin), rest, { stdio: 'ignore', timeout: 60_000 });
	};
	const dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-test-pg-'));
	const data = path.join(dir, 'data');
	try {
		if (root) {
			const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
			chownSync(dir, id('-u'), id('-g'));
		}
		run(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
		const port = await freePort();
		const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
		run(pgCtl, ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start']);
		let stopped = false;
		const stop = () => {
			if (stopped) return;
			stopped = true;
			try {
				run(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
			} catch {
				// Already gone; the folder goes below either way.
			}
			rmSync(dir, { recursive: true, force: true });
		};
		process.once('exit', stop);
		return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
	} catch (e) {
		console.error(`Could not start a throw-away PostgreSQL: ${String(e)}`);
		rmSync(dir, { recursive: true, force: true });
		return null;
	}
}
