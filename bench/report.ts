// The council report built in-process, the way /rapportage builds it, on the seeded data set:
// the database's share of the page, without HTTP or rendering.
import type { Db } from '../src/lib/server/db/open';
import { buildReport } from '../src/lib/server/report/report';
import { publishedReport, DEFAULT_CLOSE_DAYS } from '../src/lib/server/report/periods';
import { lastClosedQuarter } from '../src/lib/server/report/period-rules';
import { quartersEndingWith, shiftQuarter } from '../src/lib/quarters';

export interface ReportTiming {
	name: string;
	p50: number;
	p95: number;
	max: number;
}

async function time(fn: () => Promise<unknown>, runs: number) {
	for (let i = 0; i < 3; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return {
		p50: times[Math.floor(times.length / 2)]!,
		p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
		max: times[times.length - 1]!
	};
}

export async function timeReport(db: Db, runs: number, now = new Date()): Promise<ReportTiming[]> {
	// Only closed quarters are reported (issue #13): the last closed one, built afresh each run
	// (what the first request after closing pays per selection), then as a reader gets it.
	const quarter = lastClosedQuarter(now, DEFAULT_CLOSE_DAYS);
	const out: ReportTiming[] = [];
	// The first report ever (no earlier quarter published): the trend builds all eight quarters.
	const first = { quarter, period: 'quarter', gemeente: 'lindewaard' } as const;
	out.push({
		name: 'one quarter, one gemeente, no earlier quarter published',
		...(await time(() => buildReport(db, first, now), runs))
	});
	// A running dienst published each earlier quarter when it was first read: the trend reads
	// those frozen cells (report_snapshot) and builds only the new quarter.
	for (const earlier of quartersEndingWith(shiftQuarter(quarter, -1), 7))
		await publishedReport(db, { quarter: earlier, period: 'quarter', gemeente: null }, now);
	for (const [name, query] of [
		['one quarter, one gemeente', { quarter, period: 'quarter', gemeente: 'lindewaard' }],
		['four quarters, one gemeente', { quarter, period: 'year', gemeente: 'lindewaard' }],
		['one quarter, all gemeenten', { quarter, period: 'quarter', gemeente: null }]
	] as const) {
		out.push({ name, ...(await time(() => buildReport(db, query, now), runs)) });
	}
	const stored = { quarter, period: 'quarter', gemeente: 'lindewaard' } as const;
	out.push({
		name: 'published (stored), one quarter, one gemeente',
		...(await time(() => publishedReport(db, stored, now), runs))
	});
	return out;
}
