// Only the conversation's figures (`npm run bench` measures them too, with everything else),
// against the built server (`npx vite build` first): on PostgreSQL with
// `BENCH_DATABASE_URL=postgres://…/empty_db npx tsx bench/conversation-only.ts`, else on a
// throw-away PGlite. BENCH_SCALE=0.05 seeds a smaller data set around it; the conversation of
// 500 messages and Sanne's caseload of 200 stay full size at every scale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/lib/server/db/open';
import { FULL_SIZE, scaled, seedBench } from './seed';
import { demoCookie, startServer } from './server';
import { MemorySampler } from './load';
import { timeRequests } from './timing';
import { LONG_CONVERSATION, seedConversations, timeUpload } from './conversation';

const url = process.env.BENCH_DATABASE_URL;
const scale = Number(process.env.BENCH_SCALE ?? 1);
const runs = Number(process.env.BENCH_RUNS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 4301);
const dir = url ? null : mkdtempSync(path.join(tmpdir(), 'wegwijs-bench-conv-'));
const target = url ? { url } : { dataDir: `${dir}/pglite` };
const mb = (b: number) => (b / 2 ** 20).toFixed(0);

const database = await openDatabase(target);
let timClientId: string;
try {
	const seed = await seedBench(database.db, scale === 1 ? FULL_SIZE : scaled(scale));
	console.log(
		`${url ? 'PostgreSQL' : 'PGlite'}, scale ${scale}: seeded in ${seed.seconds.toFixed(0)} s`
	);
	({ timClientId } = await seedConversations(database.db));
} finally {
	await database.close();
}
const server = await startServer({ port, databaseUrl: url, dataDir: dir ?? undefined });
const memory = new MemorySampler(server.process.pid!);
try {
	const tim = await demoCookie(server.base, 'tim');
	const sanne = await demoCookie(server.base, 'klantmanager');
	for (const [label, p, cookie] of [
		[`Berichten, client, ${LONG_CONVERSATION} messages`, '/berichten', tim],
		[
			`conversation, klantmanager, ${LONG_CONVERSATION} messages`,
			`/km/clienten/${timClientId}/berichten`,
			sanne
		],
		['open conversations with waiting time', '/km/berichten', sanne],
		['caseload with unread and open-request counts', '/km', sanne]
	] as const) {
		const t = await timeRequests(server.base + p, { cookie, runs, warmup: Math.min(20, runs) });
		console.log(
			`${label} (${p}): p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`
		);
	}
	const up = await timeUpload(server.base, tim, memory, 5);
	console.log(
		`10 MB photo upload (${(up.bytes / 10 ** 6).toFixed(1)} MB JPEG, ${up.runs} runs): ` +
			`p50 ${up.p50.toFixed(0)} ms, max ${up.max.toFixed(0)} ms; ` +
			`server RSS ${mb(up.rssBefore)} MB before, peak ${mb(up.rssPeak)} MB during`
	);
} finally {
	memory.stop();
	await server.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
}
