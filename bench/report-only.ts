// Only the council report's timing on PostgreSQL at full scale (`npm run bench` does this and
// much more): `BENCH_DATABASE_URL=postgres://… npx tsx bench/report-only.ts` on an empty database.
// BENCH_SCALE=0.1 seeds a tenth of the data set (a quick before/after of a report change; the
// seeding time is printed too).
import { openDatabase } from '../src/lib/server/db/open';
import { FULL_SIZE, scaled, seedBench } from './seed';
import { timeReport } from './report';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('set BENCH_DATABASE_URL to an empty PostgreSQL database');
const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
const database = await openDatabase({ url });
try {
	const seed = await seedBench(database.db, scale === 1 ? FULL_SIZE : scaled(scale), {
		log: console.log
	});
	console.log(`seeded in ${seed.seconds.toFixed(0)} s`);
	for (const t of await timeReport(database.db, Number(process.env.BENCH_REPORT_RUNS ?? 10)))
		console.log(
			`${t.name}: p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`
		);
} finally {
	await database.close();
}
