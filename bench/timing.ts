/** Sequential requests, so the number is the server's time for one page, not a queue. */
export async function timeRequests(
	url: string,
	opts: { cookie?: string; warmup?: number; runs?: number }
) {
	const headers: Record<string, string> = opts.cookie ? { cookie: opts.cookie } : {};
	for (let i = 0; i < (opts.warmup ?? 20); i++) await (await fetch(url, { headers })).arrayBuffer();
	const times: number[] = [];
	for (let i = 0; i < (opts.runs ?? 200); i++) {
		const start = performance.now();
		const r = await fetch(url, { headers });
		await r.arrayBuffer();
		if (!r.ok) throw new Error(`${url} answered ${r.status}`);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
	return { runs: times.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
