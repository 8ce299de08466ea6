// Only the first visit's JavaScript (bench/first-load.ts) of the client pages, the sign-in page
// and the caseload, against the production build in build/ with a scratch PGlite and the demo
// data (`npm run bench` does this and much more):
//   npx vite build && BENCH_PORT=4406 npx tsx bench/first-load-only.ts [--files]
// --files lists every script of each page with its gzip size (where the JavaScript goes).
import { demoCookie, startServer } from './server';
import { firstLoads } from './first-load';

const port = Number(process.env.BENCH_PORT ?? 4301);
const server = await startServer({ port });
try {
	const lars = await demoCookie(server.base, 'lars');
	const sanne = await demoCookie(server.base, 'klantmanager');
	const html = async (p: string) =>
		(await fetch(server.base + p, { headers: { cookie: lars } })).text();
	const topic = (await html('/uitleg')).match(/href="(\/uitleg\/(?!hulp)[a-z0-9-]+)"/)?.[1];
	const help = (await html('/uitleg/hulp')).match(/href="(\/uitleg\/hulp\/[a-z0-9-]+)"/)?.[1];
	const client = [
		['Home', '/'],
		['Mijn plan', '/plan'],
		['Afspraken', '/afspraken'],
		['Uitleg', '/uitleg'],
		['Hulp (instruments)', '/uitleg/hulp'],
		['a topic', topic],
		['an instrument', help],
		['Berichten', '/berichten'],
		['Profiel', '/profiel']
	].filter((p): p is [string, string] => !!p[1]);
	const results = await firstLoads([
		...client.map(([label, path]) => ({ label, path, base: server.base, cookie: lars })),
		{ label: 'Sign-in page', path: '/login', base: server.base },
		{ label: 'caseload', path: '/km', base: server.base, cookie: sanne }
	]);
	const kb = (n: number) => (n / 1024).toFixed(1);
	console.log('| page | JS files | JS (KB gzip) | CSS (KB gzip) | HTML on the wire (KB) |');
	console.log('| --- | ---: | ---: | ---: | ---: |');
	for (const r of results)
		console.log(
			`| ${r.label} (\`${r.path}\`) | ${r.jsFiles} | ${kb(r.jsGzipBytes)} | ${kb(r.cssGzipBytes)} | ${kb(r.htmlWireBytes)} |`
		);
	if (process.argv.includes('--files'))
		for (const r of results) {
			console.log(`\n${r.label} (${r.path}):`);
			for (const s of r.scripts) console.log(`  ${kb(s.gzipBytes).padStart(6)}  ${s.path}`);
		}
} finally {
	await server.stop();
}
