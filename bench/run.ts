// `npm run bench`: builds Wegwijs, serves it on PGlite (and on PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set), measures, and writes BENCHMARKS.md.
// Never part of `npm test`: these are numbers to compare, not pass/fail checks.
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { createScratchDatabase } from '../scripts/scratch-db.js';
import { demoCookie, startServer } from './server';
import { firstLoad } from './first-load';
import { timeRequests } from './timing';

const kb = (b: number) => (b / 1024).toFixed(1);
const ms = (n: number) => n.toFixed(1);

async function measure(kind: 'pglite' | 'postgres', port: number, databaseUrl?: string) {
	console.error(`[${kind}] starting the server…`);
	const server = await startServer({ port, databaseUrl });
	try {
		console.error(`[${kind}] first load and timings…`);
		const lars = await demoCookie(server.base, 'lars');
		const pages = [
			await firstLoad(server.base, '/login'),
			await firstLoad(server.base, '/', lars),
			await firstLoad(server.base, '/plan', lars)
		];
		console.error(`[${kind}] timing /plan…`);
		const plan = await timeRequests(`${server.base}/plan`, { cookie: lars });
		const empty = await timeRequests(`${server.base}/login`, {});
		return { kind, pages, plan, empty };
	} finally {
		await server.stop();
	}
}

if (!process.argv.includes('--no-build')) execSync('npx vite build', { stdio: 'inherit' });

const results = [await measure('pglite', 4301)];
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgBase) {
	const db = await createScratchDatabase(pgBase, 'wegwijs_bench');
	try {
		results.push(await measure('postgres', 4302, db.url));
	} finally {
		await db.drop();
	}
}

const lines = [
	'# Wegwijs benchmarks',
	'',
	`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
		`${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Command: \`npm run bench\`.`,
	'',
	'## First load (gzip, from the build output)',
	'',
	'| page | JS files | JS (KB) | CSS (KB) | HTML (KB) |',
	'| --- | ---: | ---: | ---: | ---: |',
	...results[0]!.pages.map(
		(p) =>
			`| ${p.path} | ${p.jsFiles} | ${kb(p.jsGzipBytes)} | ${kb(p.cssGzipBytes)} | ${kb(p.htmlGzipBytes)} |`
	),
	'',
	'## Server time, one request at a time (ms, 200 runs after 20 warm-up)',
	'',
	'| database | page | p50 | p95 | p99 |',
	'| --- | --- | ---: | ---: | ---: |',
	...results.flatMap((r) => [
		`| ${r.kind} | Mijn plan (/plan, Lars) | ${ms(r.plan.p50)} | ${ms(r.plan.p95)} | ${ms(r.plan.p99)} |`,
		`| ${r.kind} | login page (no data) | ${ms(r.empty.p50)} | ${ms(r.empty.p95)} | ${ms(r.empty.p99)} |`
	]),
	''
];
writeFileSync('BENCHMARKS.md', lines.join('\n'));
console.log(lines.join('\n'));
