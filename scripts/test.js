// `npm test`: the whole suite, in the order a failure is cheapest to find.
// Type check, lint, unit + database integration (PGlite; PostgreSQL too when
// TEST_DATABASE_URL is set), build, then browser tests in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function run(title, command, args, extraEnv = {}) {
	console.log(`\n▶ ${title}`);
	const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
	if (r.status !== 0) {
		console.error(`\n✖ ${title} failed`);
		summary();
		process.exit(r.status ?? 1);
	}
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
	process.exit(1);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function count(file, read) {
	if (!existsSync(file)) return;
	const c = read(JSON.parse(readFileSync(file, 'utf8')));
	counts.passed += c.passed;
	counts.failed += c.failed;
	counts.skipped += c.skipped;
}
function summary() {
	count('test-results/unit.json', (j) => ({
		passed: j.numPassedTests ?? 0,
		failed: j.numFailedTests ?? 0,
		skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0)
	}));
	count('test-results/e2e.json', (j) => ({
		passed: j.stats?.expected ?? 0,
		failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0),
		skipped: j.stats?.skipped ?? 0
	}));
	console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

rmSync('test-results', { recursive: true, force: true });
ensureChromium();
run('svelte-kit sync', 'npx', ['svelte-kit', 'sync']);
run('type check (svelte-check)', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
run('lint (prettier, eslint)', 'npm', ['run', 'lint', '--silent']);
run('unit and database tests (vitest)', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile.json=test-results/unit.json'
]);
run('build', 'npx', ['vite', 'build']);
run('browser tests (Playwright, Debian Chromium)', 'npx', ['playwright', 'test']);
summary();
