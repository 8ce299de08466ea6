// Throughput and latency under load (autocannon), and the server's memory while it lasts.
import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of the kernel's CPU counters (/proc/<pid>/stat). */
const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/**
 * CPU time (user + system) the process has used so far, in ms. On a shared machine req/s and
 * latency depend on what else runs; the server's own CPU per answer much less (#19).
 */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// After "pid (name) ": state is field 3; utime and stime are fields 14 and 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

export interface LoadResult {
	label: string;
	path: string;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	requests: number;
	failures: number;
	/** The server's highest RSS while this page was under load (set by the caller). */
	peakRss?: number;
	/** The server process's CPU time per answer (ms), when its pid was given. */
	cpuMsPerRequest?: number;
}

/** `connections` clients asking for one URL as fast as they can, for `seconds`. */
export async function loadTest(
	base: string,
	page: { label: string; path: string; cookie?: string },
	opts: { connections: number; seconds: number; amount?: number; pid?: number }
): Promise<LoadResult> {
	const cpuBefore = opts.pid ? cpuMs(opts.pid) : 0;
	const result = await autocannon({
		url: base + page.path,
		connections: opts.connections,
		duration: opts.seconds,
		// A fixed number of requests instead of a duration (for a page slower than the run).
		...(opts.amount ? { amount: opts.amount } : {}),
		// A slow page (the report) must be measured, not counted as a time-out.
		timeout: 300,
		headers: page.cookie ? { cookie: page.cookie } : {}
	});
	return {
		label: page.label,
		path: page.path,
		// Answers over the whole run (the per-second average rounds a slow page down to 0).
		requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		failures: result.errors + result.timeouts + result.non2xx,
		cpuMsPerRequest: opts.pid
			? (cpuMs(opts.pid) - cpuBefore) / Math.max(result.requests.total, 1)
			: undefined
	};
}

/** Peak resident memory of a process: VmHWM from /proc, and the highest VmRSS seen. */
export class MemorySampler {
	private timer: NodeJS.Timeout;
	private maxRss = 0;
	private windowMax = 0;
	private pageMax = 0;
	constructor(private readonly pid: number) {
		this.timer = setInterval(() => this.sample(), 200);
		this.timer.unref();
	}
	private read(field: 'VmRSS' | 'VmHWM'): number {
		try {
			const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
			const m = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
			return m ? Number(m[1]) * 1024 : 0;
		} catch {
			return 0; // the process has gone
		}
	}
	sample(): void {
		const rss = this.read('VmRSS');
		this.maxRss = Math.max(this.maxRss, rss);
		this.windowMax = Math.max(this.windowMax, rss);
		this.pageMax = Math.max(this.pageMax, rss);
	}
	/** A window inside the window: one page under load. */
	startPage(): void {
		this.pageMax = 0;
	}
	pagePeak(): number {
		this.sample();
		return this.pageMax;
	}
	/** Starts a new window (e.g. one load test); `windowPeak()` is the highest RSS inside it. */
	startWindow(): void {
		this.windowMax = 0;
	}
	windowPeak(): number {
		this.sample();
		return this.windowMax;
	}
	/** The kernel's high-water mark for the whole life of the process. */
	peak(): number {
		this.sample();
		return Math.max(this.read('VmHWM'), this.maxRss);
	}
	stop(): void {
		clearInterval(this.timer);
	}
}
