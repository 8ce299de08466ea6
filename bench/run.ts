// `npm run bench`: builds Wegwijs, seeds one large data set on PGlite (and on PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set), serves it, measures, and writes
// BENCHMARKS.md. Never part of `npm test`: these are numbers to compare with the targets of
// issue #7, not pass/fail checks. Options: see README ("Tests and benchmarks").
import { execSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/lib/server/db/open';
import { createScratchDatabase } from '../scripts/scratch-db.js';
import { CASELOAD, FULL_SIZE, scaled, seedBench, type BulkSize, type SeedResult } from './seed';
import { demoCookie, startBare, startServer, type RunningServer } from './server';
import { firstLoads, type FirstLoad } from './first-load';
import { timeRequests } from './timing';
import { timeReport, type ReportTiming } from './report';
import { loadTest, MemorySampler, type LoadResult } from './load';
import { runLighthouse, type LighthouseResult } from './lighthouse';
import {
	LONG_CONVERSATION,
	seedConversations,
	timeUpload,
	type UploadTiming
} from './conversation';

type Kind = 'pglite' | 'postgres';

/** The floor every figure is set beside: bench/bare, measured in the same run. */
const BARE = 'bare SvelteKit page';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0 && SCALE <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
const SIZE: BulkSize = SCALE === 1 ? FULL_SIZE : scaled(SCALE);
const PORT = Number(process.env.BENCH_PORT ?? 4301);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 10);
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const kinds: Kind[] = [];
if (!flag('--no-pglite')) kinds.push('pglite');
if (pgBase && !flag('--no-postgres')) kinds.push('postgres');
const withLighthouse = !flag('--no-lighthouse');

const kb = (b: number) => (b / 1024).toFixed(1);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** Requests per second: whole numbers, but a slow page's 0.4 is not 0. */
const rps = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const log = (line: string) => console.error(line);

interface ClientPage {
	label: string;
	path: string;
}

interface RoundTrips {
	label: string;
	path: string;
	first: number;
	next: number;
}

interface DbResult {
	kind: Kind;
	seed: SeedResult;
	reportInProcess: ReportTiming[];
	upload: UploadTiming;
	roundTrips: RoundTrips[];
	sequential: {
		label: string;
		path: string;
		runs: number;
		p50: number;
		p95: number;
		p99: number;
	}[];
	load: LoadResult[];
	startRss: number;
	loadPeakRss: number;
	peakRss: number;
	firstLoad?: FirstLoad[];
	lighthouse?: LighthouseResult[];
}

/** A topic and an instrument page, as linked from /uitleg and /uitleg/hulp. */
async function findDetailPages(base: string, cookie: string): Promise<ClientPage[]> {
	const html = async (p: string) => (await fetch(base + p, { headers: { cookie } })).text();
	const topic = (await html('/uitleg')).match(/href="(\/uitleg\/(?!hulp)[a-z0-9-]+)"/)?.[1];
	const help = (await html('/uitleg/hulp')).match(/href="(\/uitleg\/hulp\/[a-z0-9-]+)"/)?.[1];
	if (!topic || !help) throw new Error('no topic or instrument link on /uitleg');
	return [
		{ label: 'a topic', path: topic },
		{ label: 'an instrument', path: help }
	];
}

async function roundTrips(base: string, page: ClientPage, cookie?: string): Promise<RoundTrips> {
	const counts: number[] = [];
	for (let i = 0; i < 4; i++) {
		const r = await fetch(base + page.path, {
			headers: cookie ? { cookie } : {},
			redirect: 'manual'
		});
		await r.arrayBuffer();
		if (r.status !== 200) throw new Error(`${page.path} answered ${r.status}`);
		const n = r.headers.get('x-db-round-trips');
		if (n === null) throw new Error(`${page.path}: no x-db-round-trips header`);
		counts.push(Number(n));
	}
	const rest = counts.slice(1).sort((a, b) => a - b);
	return { ...page, first: counts[0]!, next: rest[1]! };
}

async function prepare(kind: Kind): Promise<{
	target: { url?: string; dataDir?: string };
	serverDir?: string;
	drop: () => Promise<void>;
}> {
	if (kind === 'postgres') {
		const db = await createScratchDatabase(pgBase!, 'wegwijs_bench');
		return { target: { url: db.url }, drop: db.drop };
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-bench-'));
	return {
		target: { dataDir: `${dir}/pglite` },
		serverDir: dir,
		drop: async () => rmSync(dir, { recursive: true, force: true })
	};
}

async function measure(
	kind: Kind,
	port: number,
	extras: { firstLoad: boolean; lighthouse: boolean },
	bare: RunningServer
) {
	const prepared = await prepare(kind);
	try {
		log(`[${kind}] seeding ${JSON.stringify(SIZE)}…`);
		const database = await openDatabase(prepared.target);
		let seed: SeedResult;
		let reportInProcess: ReportTiming[];
		let timClientId: string;
		try {
			seed = await seedBench(database.db, SIZE, { log });
			({ timClientId } = await seedConversations(database.db));
			log(`[${kind}] seeded in ${seed.seconds.toFixed(0)} s; the report in-process…`);
			reportInProcess = await timeReport(database.db, REPORT_RUNS);
		} finally {
			await database.close();
		}

		log(`[${kind}] starting the server…`);
		const server = await startServer({
			port,
			databaseUrl: prepared.target.url,
			dataDir: prepared.serverDir,
			env: { BENCH_COUNT_QUERIES: 'true' }
		});
		const memory = new MemorySampler(server.process.pid!);
		const startRss = memory.peak();
		try {
			const lars = await demoCookie(server.base, 'lars');
			const sanne = await demoCookie(server.base, 'klantmanager');
			const tim = await demoCookie(server.base, 'tim');
			const reporter = await demoCookie(server.base, 'reporter');
			const clientPages: ClientPage[] = [
				{ label: 'Home', path: '/' },
				{ label: 'Mijn plan', path: '/plan' },
				{ label: 'Afspraken', path: '/afspraken' },
				{ label: 'Uitleg', path: '/uitleg' },
				{ label: 'Hulp (instruments)', path: '/uitleg/hulp' },
				...(await findDetailPages(server.base, lars)),
				{ label: 'Berichten', path: '/berichten' },
				{ label: 'Profiel', path: '/profiel' }
			];
			const report = '/rapportage?gemeente=lindewaard';

			log(`[${kind}] round trips…`);
			const trips: RoundTrips[] = [];
			for (const p of clientPages) trips.push(await roundTrips(server.base, p, lars));
			trips.push(await roundTrips(server.base, { label: 'Sign-in page', path: '/login' }));
			trips.push(await roundTrips(server.base, { label: 'Caseload', path: '/km' }, sanne));
			trips.push(
				await roundTrips(server.base, { label: 'Council report', path: report }, reporter)
			);
			trips.push(await roundTrips(server.base, { label: 'No-data page', path: '/bench/leeg' }));

			let first: DbResult['firstLoad'];
			if (extras.firstLoad) {
				log(`[${kind}] first load…`);
				first = await firstLoads([
					{ label: BARE, base: bare.base, path: '/' },
					...clientPages.map((p) => ({ ...p, base: server.base, cookie: lars })),
					{ label: 'Sign-in page', base: server.base, path: '/login' },
					{ label: 'caseload', base: server.base, path: '/km', cookie: sanne }
				]);
			}

			log(`[${kind}] one request at a time…`);
			const sequential: DbResult['sequential'] = [];
			for (const [label, p, cookie, runs] of [
				['Mijn plan', '/plan', lars, 100],
				['caseload, by name', '/km', sanne, 100],
				['caseload, by next appointment', '/km?sort=next', sanne, 100],
				['caseload, with overdue steps', '/km?attention=overdue', sanne, 100],
				['caseload, name search', '/km?q=an', sanne, 100],
				[`Berichten, ${LONG_CONVERSATION} messages`, '/berichten', tim, 100],
				[
					`conversation for the klantmanager, ${LONG_CONVERSATION} messages`,
					`/km/clienten/${timClientId}/berichten`,
					sanne,
					100
				],
				['open conversations with waiting time', '/km/berichten', sanne, 100],
				['council report, one quarter, one gemeente', report, reporter, REPORT_RUNS],
				['no-data page', '/bench/leeg', undefined, 100]
			] as const) {
				const t = await timeRequests(server.base + p, {
					cookie,
					runs,
					warmup: Math.min(20, runs)
				});
				sequential.push({ label, path: p, ...t });
			}

			log(`[${kind}] a 10 MB photo, uploaded 5 times…`);
			const upload = await timeUpload(server.base, tim, memory, 5);

			let lighthouse: LighthouseResult[] | undefined;
			if (extras.lighthouse) {
				log(`[${kind}] Lighthouse…`);
				lighthouse = await runLighthouse(
					server.base,
					[
						{ label: BARE, base: bare.base, path: '/' },
						{ label: 'Home', path: '/', cookie: lars },
						{ label: 'Mijn plan', path: '/plan', cookie: lars },
						{ label: 'Sign-in page', path: '/login' }
					],
					LIGHTHOUSE_RUNS
				);
			}

			log(`[${kind}] load: ${CONNECTIONS} connections, ${SECONDS} s per page…`);
			const load: LoadResult[] = [];
			memory.startWindow();
			const pages: { label: string; path: string; cookie?: string; base?: string }[] = [
				{ label: BARE, base: bare.base, path: '/' },
				{ label: 'static file', path: '/favicon.svg' },
				{ label: 'no-data page', path: '/bench/leeg' },
				{ label: 'Sign-in page', path: '/login' },
				{ label: 'Home', path: '/', cookie: lars },
				{ label: 'Mijn plan', path: '/plan', cookie: lars },
				{ label: 'caseload', path: '/km', cookie: sanne },
				{ label: 'council report', path: report, cookie: reporter }
			];
			for (const page of pages) {
				const at = page.base ?? server.base;
				// The council report takes longer than a run: instead of a warm-up and a duration,
				// every connection asks for it once, all at the same moment, and all answers count.
				const slow = page.label === 'council report';
				// A short warm-up, so the first seconds of a page do not weigh on its numbers.
				if (!slow) await loadTest(at, page, { connections: CONNECTIONS, seconds: 1 });
				memory.startPage();
				const r = await loadTest(at, page, {
					connections: CONNECTIONS,
					seconds: SECONDS,
					amount: slow ? CONNECTIONS : undefined,
					pid: (page.base ? bare : server).process.pid
				});
				// Wegwijs's memory; the bare app is another process.
				r.peakRss = page.base ? undefined : memory.pagePeak();
				log(
					`  ${page.label}: ${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.p99} ms, ` +
						`${r.cpuMsPerRequest?.toFixed(2)} ms CPU per request`
				);
				load.push(r);
			}
			const loadPeakRss = memory.windowPeak();
			const peakRss = memory.peak();
			return {
				kind,
				seed,
				reportInProcess,
				upload,
				roundTrips: trips,
				sequential,
				load,
				startRss,
				loadPeakRss,
				peakRss,
				firstLoad: first,
				lighthouse
			} satisfies DbResult;
		} finally {
			memory.stop();
			await server.stop();
		}
	} finally {
		await prepared.drop();
	}
}

// ── Run ─────────────────────────────────────────────────────────────────────────

const started = new Date();
const loadAtStart = loadavg()[0]!;
if (!flag('--no-build')) {
	execSync('npx vite build', { stdio: 'inherit' });
	execSync('npx vite build', { stdio: 'inherit', cwd: 'bench/bare' });
}
const results: DbResult[] = [];
const bare = await startBare(PORT + 10);
try {
	for (const [i, kind] of kinds.entries()) {
		results.push(
			await measure(
				kind,
				PORT + i,
				{
					// On PostgreSQL when there is one: the production set-up.
					firstLoad: i === kinds.length - 1,
					lighthouse: withLighthouse && i === kinds.length - 1
				},
				bare
			)
		);
	}
} finally {
	await bare.stop();
}
const minutes = (Date.now() - started.getTime()) / 60_000;
const loadAtEnd = loadavg()[0]!;

// ── BENCHMARKS.md ───────────────────────────────────────────────────────────────

const byKind = (k: Kind) => results.find((r) => r.kind === k);
const pg = byKind('postgres');
const firstSeen = results.find((r) => r.firstLoad)?.firstLoad ?? [];
const lh = results.find((r) => r.lighthouse)?.lighthouse ?? [];
const lhKind = results.find((r) => r.lighthouse)?.kind;
const load = (r: DbResult | undefined, label: string) => r?.load.find((l) => l.label === label);
const seq = (r: DbResult | undefined, label: string) =>
	r?.sequential.find((s) => s.label === label);

const CLIENT_LABELS = new Set([
	'Home',
	'Mijn plan',
	'Afspraken',
	'Uitleg',
	'Hulp (instruments)',
	'a topic',
	'an instrument',
	'Berichten',
	'Profiel',
	'Sign-in page'
]);

const clientFirst = firstSeen.filter((f) => CLIENT_LABELS.has(f.label));

type Verdict = [target: string, measured: string, met: boolean | null];

// Issue #19: every figure beside the bare SvelteKit page measured in the same run.
const verdicts19: Verdict[] = [];
{
	const pl = byKind('pglite');
	const share = (r: DbResult | undefined, label: string, min: number): Verdict => {
		const page = load(r, label);
		const floor = load(r, BARE);
		const target = `${label} on ${r?.kind ?? '–'} ≥ ${min}% of the bare page’s req/s`;
		if (!page || !floor) return [target, 'not measured', null];
		const pct = (page.requestsPerSecond / floor.requestsPerSecond) * 100;
		// The same ratio from the server's own CPU per answer, which depends less on what else
		// runs on the machine (node process only; PostgreSQL's own work is not in it).
		const cpu =
			page.cpuMsPerRequest && floor.cpuMsPerRequest
				? `; by CPU per answer ${((floor.cpuMsPerRequest / page.cpuMsPerRequest) * 100).toFixed(0)}% (${page.cpuMsPerRequest.toFixed(2)} vs ${floor.cpuMsPerRequest.toFixed(2)} ms)`
				: '';
		return [
			target,
			`${pct.toFixed(0)}% (${rps(page.requestsPerSecond)} vs ${rps(floor.requestsPerSecond)} req/s)${cpu}`,
			pct >= min
		];
	};
	const main = pg ?? pl;
	verdicts19.push(share(main, 'Sign-in page', 60));
	verdicts19.push(share(main, 'Home', 35));
	verdicts19.push(share(main, 'Mijn plan', 35));
	verdicts19.push(share(main, 'caseload', 20));
	if (pg && pl) verdicts19.push(share(pl, 'Mijn plan', 15));
	const plan = load(main, 'Mijn plan');
	verdicts19.push([
		`Mijn plan on ${main?.kind ?? '–'} p99 ≤ 100 ms (${CONNECTIONS} connections)`,
		plan ? `${plan.p99} ms (bare page: ${load(main, BARE)?.p99 ?? '–'} ms)` : 'not measured',
		plan ? plan.p99 <= 100 : null
	]);
	const floor = firstSeen.find((f) => f.label === BARE);
	const worstJs = clientFirst.reduce<FirstLoad | undefined>(
		(a, b) => (!a || b.jsGzipBytes > a.jsGzipBytes ? b : a),
		undefined
	);
	verdicts19.push([
		'first-visit JavaScript ≤ 45 KB gzip on every client page (until idle)',
		worstJs
			? `largest ${kb(worstJs.jsGzipBytes)} KB, ${worstJs.jsFiles} files (${worstJs.path}); bare page ${floor ? kb(floor.jsGzipBytes) : '–'} KB`
			: 'not measured',
		worstJs ? worstJs.jsGzipBytes <= 45 * 1024 : null
	]);
	const worstHtml = clientFirst
		.filter((f) => f.label !== 'Sign-in page')
		.reduce<FirstLoad | undefined>(
			(a, b) => (!a || b.htmlWireBytes > a.htmlWireBytes ? b : a),
			undefined
		);
	verdicts19.push([
		'HTML of a client page ≤ 6 KB on the wire',
		worstHtml ? `largest ${kb(worstHtml.htmlWireBytes)} KB (${worstHtml.path})` : 'not measured',
		worstHtml ? worstHtml.htmlWireBytes <= 6 * 1024 : null
	]);
	const lhOf = (label: string) => lh.find((l) => l.label === label);
	for (const label of ['Home', 'Mijn plan']) {
		const l = lhOf(label);
		verdicts19.push([
			`Lighthouse mobile on ${label}: LCP ≤ 1.0 s, performance 100, accessibility 100`,
			l
				? `LCP ${(l.lcpMs / 1000).toFixed(2)} s, performance ${l.performance}, accessibility ${l.accessibility} (bare page LCP ${((lhOf(BARE)?.lcpMs ?? NaN) / 1000).toFixed(2)} s)`
				: 'not measured',
			l ? l.lcpMs <= 1000 && l.performance === 100 && l.accessibility === 100 : null
		]);
	}
	verdicts19.push([
		`server peak RSS ≤ 300 MB on PostgreSQL (${CONNECTIONS} connections)`,
		pg ? `${mb(pg.peakRss)} MB` : 'not measured',
		pg ? pg.peakRss <= 300 * 2 ** 20 : null
	]);
}
const verdicts: Verdict[] = [];
{
	const clientJs = clientFirst.map((f) => f.jsGzipBytes);
	const worst = clientFirst.reduce(
		(a, b) => (b.jsGzipBytes > a.jsGzipBytes ? b : a),
		clientFirst[0]!
	);
	verdicts.push([
		'≤ 50 KB gzip JavaScript on first load, client pages',
		clientFirst.length ? `largest ${kb(worst.jsGzipBytes)} KB (${worst.path})` : 'not measured',
		clientFirst.length ? Math.max(...clientJs) <= 50 * 1024 : null
	]);
	const minOf = (k: 'performance' | 'accessibility') => Math.min(...lh.map((l) => l[k]));
	const lhList = (k: 'performance' | 'accessibility') =>
		lh.map((l) => `${l.label} ${l[k]}`).join(', ');
	verdicts.push([
		'Lighthouse mobile performance ≥ 95',
		lh.length ? lhList('performance') : 'not measured',
		lh.length ? minOf('performance') >= 95 : null
	]);
	verdicts.push([
		'Lighthouse accessibility 100',
		lh.length ? lhList('accessibility') : 'not measured',
		lh.length ? minOf('accessibility') >= 100 : null
	]);
	const clientTrips = results.flatMap((r) =>
		r.roundTrips.filter((t) => CLIENT_LABELS.has(t.label))
	);
	const most = clientTrips.reduce((a, b) => (b.next > a.next ? b : a), clientTrips[0]!);
	verdicts.push([
		'≤ 2 database round trips per client page',
		clientTrips.length ? `most: ${most.next} (${most.path})` : 'not measured',
		clientTrips.length ? most.next <= 2 : null
	]);
	const plan = load(pg, 'Mijn plan');
	const empty = load(pg, 'no-data page');
	verdicts.push([
		'Mijn plan on PostgreSQL ≥ 30% of the no-data page’s throughput',
		plan && empty
			? `${((plan.requestsPerSecond / empty.requestsPerSecond) * 100).toFixed(0)}% (${rps(plan.requestsPerSecond)} vs ${rps(empty.requestsPerSecond)} req/s)`
			: 'not measured',
		plan && empty ? plan.requestsPerSecond >= 0.3 * empty.requestsPerSecond : null
	]);
	verdicts.push([
		`Mijn plan on PostgreSQL p99 ≤ 100 ms (${CONNECTIONS} connections)`,
		plan ? `${plan.p99} ms` : 'not measured',
		plan ? plan.p99 <= 100 : null
	]);
	const rep = seq(pg, 'council report, one quarter, one gemeente');
	const repIn = pg?.reportInProcess.find((r) => r.name === 'one quarter, one gemeente');
	verdicts.push([
		'council report ≤ 300 ms on PostgreSQL (one quarter, one gemeente, one request at a time)',
		rep ? `page p50 ${ms(rep.p50)} ms (built in-process: ${ms(repIn!.p50)} ms)` : 'not measured',
		rep ? rep.p50 <= 300 : null
	]);
	verdicts.push([
		`server peak RSS ≤ 300 MB on PostgreSQL (${CONNECTIONS} connections)`,
		pg ? `${mb(pg.peakRss)} MB` : 'not measured',
		pg ? pg.peakRss <= 300 * 2 ** 20 : null
	]);
	const pl = byKind('pglite');
	verdicts.push([
		'server peak RSS on PGlite (report only)',
		pl ? `${mb(pl.peakRss)} MB` : 'not measured',
		null
	]);
}

const sizeLine =
	`${int(SIZE.clients)} clients, ${int(SIZE.klantmanagers)} klantmanagers, ` +
	`${int(SIZE.answers)} survey answers, ${int(SIZE.instrumentUses)} instrument uses, ` +
	`${int(SIZE.appointments)} appointments`;
const lines: string[] = [
	'# Wegwijs benchmarks',
	'',
	`Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ` +
		`${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
		// The load average says whether the absolute figures can be compared with the targets.
		`${loadAtStart < 2 ? 'a quiet machine' : 'a shared machine under load from other work'} ` +
		`(load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end; ` +
		`the bench itself, PostgreSQL and the load generator share the two cores, which is why the ` +
		`throughput figures are given next to references measured by the same server in the same run). ` +
		`Command: \`${[SCALE !== 1 ? `BENCH_SCALE=${SCALE}` : '', 'npm run bench', ...args].filter(Boolean).join(' ')}\`` +
		` (with BENCH_DATABASE_URL set); the whole run took ${minutes.toFixed(0)} minutes.`,
	'',
	`Data set (scale ${SCALE}): ${sizeLine}, bulk-inserted into each database: the demo dienst ` +
		`plus generated clients, each with a plan of four steps, appointments, instrument uses, ` +
		`outflow and ladder history; the demo klantmanager Sanne has ${CASELOAD} of them.`,
	SCALE !== 1 ? `\n**This is a reduced run (BENCH_SCALE=${SCALE}), not the full data set.**\n` : '',
	'## Targets (issue #19: against a bare SvelteKit app in the same run)',
	'',
	'| target | measured | |',
	'| --- | --- | --- |',
	...verdicts19.map(
		([t, m, ok]) => `| ${t} | ${m} | ${ok === null ? '–' : ok ? 'met' : 'not met'} |`
	),
	'',
	'## Targets (issue #7)',
	'',
	'| target | measured | |',
	'| --- | --- | --- |',
	...verdicts.map(
		([t, m, ok]) => `| ${t} | ${m} | ${ok === null ? '–' : ok ? 'met' : 'not met'} |`
	),
	''
];

if (firstSeen.length) {
	const floor = firstSeen.find((f) => f.label === BARE);
	lines.push(
		'## First visit (a fresh Chromium profile, everything until the network is idle)',
		'',
		'Every script the page loaded until the network was idle and 2.5 s after (so what loads ' +
			'once the page is idle counts too), not only the modulepreload list; script and CSS ' +
			'bodies gzip-compressed; the HTML as it came over the wire (brotli from Wegwijs, ' +
			'uncompressed from the bare app as adapter-node sends it). "Worker" is what the service ' +
			'worker downloaded for its precache in the background (as sent).',
		'',
		'| page | JS files | JS (KB gzip) | vs bare | CSS (KB gzip) | HTML on the wire (KB) | worker precache (KB) |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...firstSeen.map(
			(p) =>
				`| ${p.label} (\`${p.path}\`) | ${p.jsFiles} | ${kb(p.jsGzipBytes)} | ` +
				`${floor ? `${((p.jsGzipBytes / floor.jsGzipBytes) * 100).toFixed(0)}%` : '–'} | ` +
				`${kb(p.cssGzipBytes)} | ${kb(p.htmlWireBytes)} | ${kb(p.workerBytes)} |`
		),
		''
	);
}
if (lh.length) {
	lines.push(
		`## Lighthouse ${'12'} (mobile, median of ${LIGHTHOUSE_RUNS} runs, server on ${lhKind})`,
		'',
		'Default mobile settings (simulated slow 4G and 4× CPU slowdown), Debian’s Chromium ' +
			'headless; signed-in pages with the session cookie.',
		'',
		'| page | performance | accessibility | best practices | LCP (ms) | TBT (ms) | CLS |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...lh.map(
			(l) =>
				`| ${l.label} (\`${l.path}\`) | ${l.performance} | ${l.accessibility} | ${l.bestPractices} | ` +
				`${l.lcpMs.toFixed(0)} | ${l.tbtMs.toFixed(0)} | ${l.cls.toFixed(3)} |`
		),
		''
	);
}
lines.push(
	`## Under load: ${CONNECTIONS} connections, ${SECONDS} s per page (autocannon)`,
	'',
	`The council report is slower than a run: it is asked for ${CONNECTIONS} times at once ` +
		'(once per connection, no warm-up) and every answer counts; its req/s is answers divided ' +
		'by the time until the last one. Each page next to two references served by the same server in the same run: a static file ' +
		'and a server-rendered page that loads no data (`/bench/leeg`, on only when ' +
		'BENCH_COUNT_QUERIES is set). Latency in ms.',
	'',
	'"CPU/answer" is the server process’s own CPU time (user + system, from /proc) divided by ' +
		'its answers: on a shared machine it depends far less on other work than req/s and ' +
		'latency do. It leaves out PostgreSQL’s own work (another process); on PGlite the ' +
		'database runs inside the server process and is included.',
	'',
	'| database | page | req/s | vs bare page | vs no-data page | p50 | p99 | requests | failed | CPU/answer (ms) | CPU vs bare | peak RSS (MB) |',
	'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	...results.flatMap((r) => {
		const empty = load(r, 'no-data page')!;
		const floor = load(r, BARE)!;
		const share = (l: LoadResult, of: LoadResult) =>
			`${((l.requestsPerSecond / of.requestsPerSecond) * 100).toFixed(0)}%`;
		/** Answers per CPU second as a share of the bare page's: comparable with "vs bare page". */
		const cpuShare = (l: LoadResult, of: LoadResult) =>
			l.cpuMsPerRequest && of.cpuMsPerRequest
				? `${((of.cpuMsPerRequest / l.cpuMsPerRequest) * 100).toFixed(0)}%`
				: '–';
		return r.load.map(
			(l) =>
				`| ${r.kind} | ${l.label} (\`${l.path}\`) | ${rps(l.requestsPerSecond)} | ` +
				`${share(l, floor)} | ${share(l, empty)} | ${l.p50} | ${l.p99} | ` +
				`${int(l.requests)} | ${int(l.failures)} | ${l.cpuMsPerRequest?.toFixed(2) ?? '–'} | ` +
				`${cpuShare(l, floor)} | ${l.peakRss ? mb(l.peakRss) : '–'} |`
		);
	}),
	'',
	'## Database round trips per request',
	'',
	'Counted by the server itself (BENCH_COUNT_QUERIES=true: every statement, plus BEGIN and ' +
		'COMMIT of each transaction), sent back in the `x-db-round-trips` header. "First" is the ' +
		'first request for the page in the run, "next" the median of the three after it.',
	'',
	`| page | ${results.map((r) => `${r.kind} first | ${r.kind} next`).join(' | ')} |`,
	`| --- | ${results.map(() => '---: | ---:').join(' | ')} |`,
	...results[0]!.roundTrips.map(
		(t) =>
			`| ${t.label} (\`${t.path}\`) | ${results
				.map((r) => {
					const x = r.roundTrips.find((y) => y.label === t.label)!;
					return `${x.first} | ${x.next}`;
				})
				.join(' | ')} |`
	),
	'',
	'## One request at a time (ms, after warm-up)',
	'',
	`The caseload is Sanne’s ${CASELOAD} clients among ${int(SIZE.clients)}; the report is ` +
		'/rapportage for the current quarter and Lindewaard, rendered as HTML.',
	'',
	'| database | page | runs | p50 | p95 | p99 |',
	'| --- | --- | ---: | ---: | ---: | ---: |',
	...results.flatMap((r) =>
		r.sequential.map(
			(s) =>
				`| ${r.kind} | ${s.label} (\`${s.path}\`) | ${s.runs} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} |`
		)
	),
	'',
	`## Council report built in-process (ms, ${REPORT_RUNS} runs after 3 warm-up)`,
	'',
	'The database’s share: `buildReport` as /rapportage calls it, without HTTP or rendering.',
	'',
	'| database | report | p50 | p95 | max |',
	'| --- | --- | ---: | ---: | ---: |',
	...results.flatMap((r) =>
		r.reportInProcess.map(
			(x) => `| ${r.kind} | ${x.name} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.max)} |`
		)
	),
	'',
	'## A 10 MB phone photo uploaded (#16)',
	'',
	'`POST /api/client/documents` as Tim, one at a time: type from the bytes, re-encoded by ' +
		'sharp, sealed, stored. The server’s RSS sampled every 200 ms (just before, and the ' +
		'highest while the uploads ran).',
	'',
	'| database | photo (MB) | runs | p50 (ms) | max (ms) | RSS before (MB) | peak RSS (MB) |',
	'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	...results.map(
		(r) =>
			`| ${r.kind} | ${(r.upload.bytes / 1e6).toFixed(1)} | ${r.upload.runs} | ${ms(r.upload.p50)} | ` +
			`${ms(r.upload.max)} | ${mb(r.upload.rssBefore)} | ${mb(r.upload.rssPeak)} |`
	),
	'',
	'## Memory: the server process’s peak RSS',
	'',
	'From /proc/<pid>/status: VmHWM once the server answers (start-up: migrations, content ' +
		'check), VmHWM over the whole run, and the highest VmRSS sampled (every 200 ms) during ' +
		'the load tests.',
	'',
	'| database | peak RSS after start (MB) | peak RSS, whole run (MB) | peak RSS under load (MB) |',
	'| --- | ---: | ---: | ---: |',
	...results.map(
		(r) => `| ${r.kind} | ${mb(r.startRss)} | ${mb(r.peakRss)} | ${mb(r.loadPeakRss)} |`
	),
	'',
	'## Seeding',
	'',
	'| database | total (s) | ' +
		(results[0]?.seed.steps.map((s) => s.name).join(' | ') ?? '') +
		' |',
	'| --- | ---: | ' + (results[0]?.seed.steps.map(() => '---:').join(' | ') ?? '') + ' |',
	...results.map(
		(r) =>
			`| ${r.kind} | ${r.seed.seconds.toFixed(0)} | ${r.seed.steps.map((s) => s.seconds.toFixed(1)).join(' | ')} |`
	),
	'',
	'Rows after seeding: ' +
		Object.entries(results[0]?.seed.counts ?? {})
			.map(([k, v]) => `${k} ${int(v)}`)
			.join(', ') +
		'.',
	''
);
// Where the time goes: written by hand from `npx tsx bench/profile.ts` (kept across runs).
const NOTES = 'bench/where-the-time-goes.md';
if (existsSync(NOTES)) lines.push('', readFileSync(NOTES, 'utf8'));
const text = lines.join('\n').replace(/\n{3,}/g, '\n\n');
writeFileSync('BENCHMARKS.md', text);
console.log(text);
