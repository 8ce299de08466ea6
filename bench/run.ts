// `npm run bench`: builds Wegwijs, serves it on PGlite (and on PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set), measures, and writes BENCHMARKS.md.
// Never part of `npm test`: these are numbers to compare, not pass/fail checks.
import { execSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CASELOAD, prepareCaseload } from './caseload';
import { createScratchDatabase } from '../scripts/scratch-db.js';
import { demoCookie, startServer } from './server';
import { firstLoad } from './first-load';
import { timeRequests } from './timing';
import { benchReport, type ReportBenchResult } from './report';

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

// The caseload page (/km) of a klantmanager with 200 clients, with few and with many clients
// in the database: the time must follow the caseload, not the database.
const CASELOAD_PAGES = [
	['/km', 'caseload, by name'],
	['/km?sort=next', 'caseload, by next appointment'],
	['/km?attention=overdue', 'caseload, with overdue steps'],
	['/km?q=an', 'caseload, name search']
] as const;
const SIZES = (process.env.BENCH_CASELOAD_SIZES ?? '1000,50000').split(',').map(Number);

async function measureCaseload(kind: 'pglite' | 'postgres', port: number, pgBase?: string) {
	const rows: {
		total: number;
		path: string;
		label: string;
		p50: number;
		p95: number;
		p99: number;
	}[] = [];
	for (const total of SIZES) {
		const scratch = pgBase ? await createScratchDatabase(pgBase, 'wegwijs_bench') : null;
		const dataDir = scratch ? undefined : mkdtempSync(path.join(tmpdir(), 'wegwijs-bench-'));
		try {
			console.error(`[${kind}] seeding ${total} clients…`);
			await prepareCaseload(
				scratch ? { url: scratch.url } : { dataDir: `${dataDir}/pglite` },
				total
			);
			const server = await startServer({ port, databaseUrl: scratch?.url, dataDir });
			try {
				const sanne = await demoCookie(server.base, 'klantmanager');
				for (const [p, label] of CASELOAD_PAGES) {
					console.error(`[${kind}] timing ${p} with ${total} clients…`);
					const t = await timeRequests(`${server.base}${p}`, { cookie: sanne, runs: 100 });
					rows.push({ total, path: p, label, ...t });
				}
			} finally {
				await server.stop();
			}
		} finally {
			await scratch?.drop();
		}
	}
	return { kind, rows };
}

// --report-only: just the council report, keeping the other sections of an earlier run.
const reportOnly = process.argv.includes('--report-only');
if (!reportOnly && !process.argv.includes('--no-build')) {
	execSync('npx vite build', { stdio: 'inherit' });
}

// BENCH_PORT lets two checkouts benchmark side by side (four ports from it are used).
const PORT = Number(process.env.BENCH_PORT ?? 4301);
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const results = reportOnly ? [] : [await measure('pglite', PORT)];
if (pgBase && !reportOnly) {
	const db = await createScratchDatabase(pgBase, 'wegwijs_bench');
	try {
		results.push(await measure('postgres', PORT + 1, db.url));
	} finally {
		await db.drop();
	}
}

const caseloads = reportOnly ? [] : [await measureCaseload('pglite', PORT + 2)];
if (pgBase && !reportOnly) caseloads.push(await measureCaseload('postgres', PORT + 3, pgBase));

const reports: ReportBenchResult[] = [await benchReport('pglite')];
if (pgBase) {
	const db = await createScratchDatabase(pgBase, 'wegwijs_bench_report');
	try {
		reports.push(await benchReport('postgres', { url: db.url }));
	} finally {
		await db.drop();
	}
}

const reportLines = [
	'## Council report (ms, 20 runs after 3 warm-up, built in-process as /rapportage does)',
	'',
	...reports.map(
		(r) =>
			`${r.kind}: ${r.answers.toLocaleString('en')} survey answers, ${r.instrumentUses.toLocaleString('en')} instrument uses, ` +
			`bulk-inserted in ${r.seedSeconds.toFixed(0)} s.`
	),
	'',
	'| database | report | p50 | p95 | max |',
	'| --- | --- | ---: | ---: | ---: |',
	...reports.flatMap((r) =>
		r.runs.map((x) => `| ${r.kind} | ${x.name} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.max)} |`)
	),
	''
];

const lines = [
	'# Wegwijs benchmarks',
	'',
	`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
		`${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Command: \`npm run bench\`.`,
	''
];
if (results.length > 0) {
	lines.push(
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
		'',
		`## Caseload page: ${CASELOAD} clients in the caseload (ms, 100 runs after 20 warm-up)`,
		'',
		'The same klantmanager page with few and with many clients in the database; the time should',
		'follow the caseload (every figure is an index lookup per client of the caseload).',
		'',
		'| database | clients in database | page | p50 | p95 | p99 |',
		'| --- | ---: | --- | ---: | ---: | ---: |',
		...caseloads.flatMap((c) =>
			c.rows.map(
				(r) =>
					`| ${c.kind} | ${r.total.toLocaleString('en-US')} | ${r.label} (\`${r.path}\`) | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`
			)
		),
		''
	);
}
lines.push(...reportLines);
if (reportOnly && existsSync('BENCHMARKS.md')) {
	const before = readFileSync('BENCHMARKS.md', 'utf8');
	const cut = before.indexOf('## Council report');
	lines.splice(0, 4, ...(cut >= 0 ? before.slice(0, cut) : before).trimEnd().split('\n'), '');
}
writeFileSync('BENCHMARKS.md', lines.join('\n'));
console.log(lines.join('\n'));
