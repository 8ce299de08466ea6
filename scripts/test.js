// `npm test`: the whole suite, in the order a failure is cheapest to find.
// Type check, lint, unit + database integration (PGlite; PostgreSQL too when
// TEST_DATABASE_URL is set), build, then browser tests in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createScratchDatabase } from './scratch-db.js';
import { startThrowawayPostgres } from './throwaway-pg.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

class StepFailed extends Error {
	constructor(title, code) {
		super(`${title} failed`);
		this.code = code;
	}
}

function run(title, command, args, extraEnv = {}) {
	console.log(`\n▶ ${title}`);
	const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
	if (r.status !== 0) throw new StepFailed(title, r.status ?? 1);
}

function ensureChromium() {
	if (existsSync(CHROME)) return;
	const isRoot = process.getuid?.() === 0;
	const hasApt = spawnSync('which', ['apt-get']).status === 0;
	if (isRoot && hasApt) {
		console.log(`Chromium not found at ${CHROME}; installing Debian's chromium package…`);
		run('apt-get update', 'apt-get', ['update', '-qq']);
		run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium']);
		return;
	}
	console.error(
		`The browser tests need Chromium at ${CHROME}.\n` +
			`Install Debian's package:  sudo apt-get install -y chromium\n` +
			`or point CHROME_PATH at an installed Chromium. Nothing is downloaded by this suite.`
	);
	throw new StepFailed('Chromium check', 1);
}

/** One closing line for CI: "N passed, N failed, N skipped" over vitest and Playwright. */
function summary() {
	const counts = { passed: 0, failed: 0, skipped: 0 };
	const add = (file, read) => {
		if (!existsSync(file)) return;
		const c = read(JSON.parse(readFileSync(file, 'utf8')));
		for (const k of Object.keys(counts)) counts[k] += c[k];
	};
	add('.test-reports/unit.json', (j) => ({
		passed: j.numPassedTests ?? 0,
		failed: j.numFailedTests ?? 0,
		skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
	}));
	add('.test-reports/e2e.json', (j) => ({
		passed: j.stats?.expected ?? 0,
		failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0),
		skipped: j.stats?.skipped ?? 0
	}));
	console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

/**
 * Without TEST_DATABASE_URL the database tests would run on PGlite only. Start a throw-away
 * PostgreSQL when initdb/pg_ctl are installed; otherwise say loudly what is left out.
 */
async function postgresForTests() {
	if (process.env.TEST_DATABASE_URL) return null;
	const pg = await startThrowawayPostgres();
	if (!pg) return null;
	console.log(`\n▶ no TEST_DATABASE_URL: started a throw-away PostgreSQL at ${pg.url}`);
	process.env.TEST_DATABASE_URL = pg.url;
	return pg;
}

/** The vitest tests that ran on PGlite only: each would have run on PostgreSQL as well. */
function pgliteOnlyCount() {
	if (!existsSync('.test-reports/unit.json')) return 0;
	const report = JSON.parse(readFileSync('.test-reports/unit.json', 'utf8'));
	let n = 0;
	for (const file of report.testResults ?? [])
		for (const t of file.assertionResults ?? []) if (t.fullName?.includes('[pglite]')) n++;
	return n;
}

function warnSkippedPostgres() {
	const line = '!'.repeat(78);
	console.warn(
		`\n${line}\n!! PostgreSQL NOT TESTED: ${pgliteOnlyCount()} database tests ran on PGlite only, and the\n` +
			`!! browser tests' direct database checks were skipped. Run them with\n` +
			`!!   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test\n` +
			`!! or install PostgreSQL (initdb, pg_ctl in ${process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'}; PG_BIN) so\n` +
			`!! npm test starts a throw-away server itself.\n${line}`
	);
}

async function main() {
	// Playwright empties test-results/ when it starts, so the counts live elsewhere.
	rmSync('.test-reports', { recursive: true, force: true });
	ensureChromium();
	run('svelte-kit sync', 'npx', ['svelte-kit', 'sync']);
	run('type check (svelte-check)', 'npx', [
		'svelte-check',
		'--tsconfig',
		'./tsconfig.json',
		'--fail-on-warnings'
	]);
	run('lint (prettier, eslint)', 'npm', ['run', 'lint', '--silent']);
	run('unit and database tests (vitest)', 'npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		'--outputFile.json=.test-reports/unit.json'
	]);
	run('build', 'npx', ['vite', 'build']);
	// With a PostgreSQL server at hand the browser tests run against it, so they can also
	// check the database directly (each action stored once); otherwise on a fresh PGlite.
	const db = process.env.TEST_DATABASE_URL
		? await createScratchDatabase(process.env.TEST_DATABASE_URL, 'wegwijs_e2e')
		: null;
	try {
		run('browser tests (Playwright, Debian Chromium)', 'npx', ['playwright', 'test'], {
			...(db ? { E2E_DATABASE_URL: db.url } : {})
		});
	} finally {
		await db?.drop();
	}
}

const throwaway = await postgresForTests();
try {
	await main();
	summary();
} catch (e) {
	if (!(e instanceof StepFailed)) console.error(e);
	console.error(`\n✖ ${e.message}`);
	summary();
	process.exitCode = e instanceof StepFailed ? e.code : 1;
} finally {
	throwaway?.stop();
	if (!process.env.TEST_DATABASE_URL) warnSkippedPostgres();
}
