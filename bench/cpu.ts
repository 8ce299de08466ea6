// `npx tsx bench/cpu.ts`: what one answer costs the server, in CPU time, for the pages of
// issue #19 beside the bare SvelteKit page. Req/s on this shared 2-core machine move with what
// other people run; the server process's own CPU time (user + system from /proc) divided by
// the answers it gave moves much less. Each page: a warm-up, then CPU_ROUNDS runs of
// CPU_REQUESTS answers at CPU_CONNECTIONS connections; the median per-answer CPU is printed.
//
// Needs the built app (`npx vite build`) and the bare app (`cd bench/bare && npx vite build`).
// PostgreSQL: a scratch database on BENCH_DATABASE_URL (or TEST_DATABASE_URL) seeded at
// BENCH_SCALE (default 0.05), dropped at the end; CPU_DATABASE_URL instead reuses a database
// seeded before (`--keep` keeps the scratch database and prints its URL), so a before and an
// after run see the same rows.
import { loadavg } from 'node:os';
import { openDatabase } from '../src/lib/server/db/open';
import { createScratchDatabase } from '../scripts/scratch-db.js';
import { scaled, seedBench } from './seed';
import { demoCookie, startBare, startServer } from './server';
import { loadTest } from './load';

const PORT = Number(process.env.BENCH_PORT ?? 4405);
const SCALE = Number(process.env.BENCH_SCALE ?? 0.05);
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 3);
const REQUESTS = Number(process.env.CPU_REQUESTS ?? 1000);
const CONNECTIONS = Number(process.env.CPU_CONNECTIONS ?? 10);
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keep = process.argv.includes('--keep');
const log = (line: string) => console.error(line);

const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let url = process.env.CPU_DATABASE_URL;
let drop: (() => Promise<void>) | undefined;
if (!url) {
	if (!pgBase) throw new Error('set BENCH_DATABASE_URL, TEST_DATABASE_URL or CPU_DATABASE_URL');
	const scratch = await createScratchDatabase(pgBase, 'wegwijs_cpu');
	url = scratch.url;
	drop = keep ? undefined : scratch.drop;
	log(`seeding ${url} at scale ${SCALE}…`);
	const database = await openDatabase({ url });
	try {
		await seedBench(database.db, scaled(SCALE), { log });
	} finally {
		await database.close();
	}
	if (keep) log(`kept: CPU_DATABASE_URL=${url}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load0 = loadavg()[0]!;
const bare = await startBare(PORT + 1);
const server = await startServer({
	port: PORT,
	databaseUrl: url,
	env: { BENCH_COUNT_QUERIES: 'true' } // opens /bench/leeg, the no-data page
});
try {
	const lars = await demoCookie(server.base, 'lars');
	const sanne = await demoCookie(server.base, 'klantmanager');
	const pages = [
		{ label: 'bare SvelteKit page', path: '/', base: bare.base, pid: bare.process.pid! },
		{ label: 'no-data page', path: '/bench/leeg' },
		{ label: 'sign-in page', path: '/login' },
		{ label: 'Home', path: '/', cookie: lars },
		{ label: 'Mijn plan', path: '/plan', cookie: lars },
		{ label: 'caseload', path: '/km', cookie: sanne }
	].filter((p) => only.length === 0 || only.some((o) => p.label.includes(o)));
	const rows: string[] = [];
	let bareMs: number | undefined;
	for (const page of pages) {
		const base = page.base ?? server.base;
		const pid = page.pid ?? server.process.pid!;
		await loadTest(base, page, { connections: CONNECTIONS, seconds: 1 });
		const cpu: number[] = [];
		const rps: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			const r = await loadTest(base, page, {
				connections: CONNECTIONS,
				seconds: 60,
				amount: REQUESTS,
				pid
			});
			if (r.failures) throw new Error(`${page.label}: ${r.failures} failed answers`);
			cpu.push(r.cpuMsPerRequest!);
			rps.push(r.requestsPerSecond);
		}
		const ms = median(cpu);
		if (page.base) bareMs = ms;
		const share = bareMs ? `${((bareMs / ms) * 100).toFixed(0)}%` : '–';
		const line =
			`| ${page.label} | ${ms.toFixed(2)} | ${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)} | ` +
			`${share} | ${median(rps).toFixed(0)} |`;
		log(line);
		rows.push(line);
	}
	console.log(
		`\nCPU per answer, ${ROUNDS} × ${REQUESTS} answers at ${CONNECTIONS} connections, PostgreSQL ` +
			`scale ${SCALE}, load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`
	);
	console.log('| page | CPU ms per answer (median) | range | answers per CPU s vs bare | req/s |');
	console.log('| --- | ---: | ---: | ---: | ---: |');
	for (const r of rows) console.log(r);
} finally {
	await server.stop();
	await bare.stop();
	await drop?.();
}
