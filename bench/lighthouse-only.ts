// Only Lighthouse mobile (bench/lighthouse.ts) for Home and Mijn plan as Lars, with the bare
// SvelteKit page in the same minute as the reference, against the production build in build/
// with a scratch PGlite and the demo data (`npm run bench` does this and much more). Lighthouse
// under load is noisy: each page runs BENCH_LIGHTHOUSE_RUNS times (3) and the median is kept.
//   npx vite build && (cd bench/bare && npx vite build) && BENCH_PORT=4416 npx tsx bench/lighthouse-only.ts [/path ...]
import { demoCookie, startBare, startServer } from './server';
import { runLighthouse } from './lighthouse';

const port = Number(process.env.BENCH_PORT ?? 4301);
const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const server = await startServer({ port });
// --no-bare: without the reference (bench/bare not built), for a before/after of this app only.
const bare = process.argv.includes('--no-bare') ? null : await startBare(port + 10);
try {
	const lars = await demoCookie(server.base, 'lars');
	const pages = (paths.length ? paths : ['/', '/plan']).map((path) => ({
		label: path,
		path,
		cookie: path === '/login' ? undefined : lars
	}));
	// The bare page first and last: the machine's load drifts within a run.
	const floor = bare && { label: 'bare SvelteKit page', base: bare.base, path: '/' };
	const results = await runLighthouse(server.base, floor ? [floor, ...pages, floor] : pages, runs);
	console.log('| page | LCP (s) | TBT (ms) | CLS | performance | accessibility |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
	for (const r of results)
		console.log(
			`| ${r.label} (\`${r.path}\`) | ${(r.lcpMs / 1000).toFixed(2)} | ${Math.round(r.tbtMs)} | ${r.cls.toFixed(3)} | ${r.performance} | ${r.accessibility} |`
		);
} finally {
	await Promise.all([server.stop(), bare?.stop()]);
}
