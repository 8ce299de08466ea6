// `npx tsx bench/import.ts [--clients N]`: the client import (issue 15) on PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on a scratch PostgreSQL database. Generates a
// clients file of N rows (streamed, never whole in memory), imports it, imports it again (must
// change nothing), and prints the time and this process's peak RSS for each. Only the clients
// file exists so far: appointments and instrument uses are not part of the import yet.
import { openDatabase } from '../src/lib/server/db/open';
import { gemeente, user } from '../src/lib/server/db/schema';
import { importClients } from '../src/lib/server/import/clients';
import { createScratchDatabase } from '../scripts/scratch-db.js';

const arg = process.argv.indexOf('--clients');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 50_000;

async function* file(n: number): AsyncGenerator<Uint8Array> {
	const enc = new TextEncoder();
	yield enc.encode(
		'\uFEFFCliëntnummer;Naam;Geboortedatum;Gemeente;Uitkering sinds;Doelgroep;Taal;Statushouder;Klantmanager\r\n'
	);
	let lines: string[] = [];
	for (let i = 0; i < n; i++) {
		const day = String((i % 28) + 1).padStart(2, '0');
		lines.push(
			`BS-${100000 + i};Cliënt ${i} de Vries;${day}-0${(i % 9) + 1}-19${60 + (i % 40)};bench;01-0${(i % 9) + 1}-2025;${['werk', 'perspectief', 'meedoen'][i % 3]};${i % 5 === 0 ? 'ar' : 'nl'};${i % 7 === 0 ? 'ja' : 'nee'};km${i % 50}@bench.example`
		);
		if (lines.length === 1000) {
			yield enc.encode(lines.join('\r\n') + '\r\n');
			lines = [];
		}
	}
	if (lines.length) yield enc.encode(lines.join('\r\n') + '\r\n');
}

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

async function measure(kind: string, url?: string) {
	const scratch = url ? await createScratchDatabase(url) : null;
	const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir: 'memory://' });
	const { db } = database;
	await db.insert(gemeente).values({ code: 'bench', name: 'Bench', languages: ['nl', 'ar'] });
	const [admin] = await db
		.insert(user)
		.values({ displayName: 'Beheer', roles: ['admin'] })
		.returning();
	await db.insert(user).values(
		Array.from({ length: 50 }, (_, i) => ({
			displayName: `KM ${i}`,
			roles: ['klantmanager' as const],
			email: `km${i}@bench.example`
		}))
	);
	for (const round of ['first import', 're-import']) {
		peak = process.memoryUsage().rss;
		const t0 = performance.now();
		const r = await importClients(db, admin!.id, file(N), { apply: true });
		const s = (performance.now() - t0) / 1000;
		console.log(
			`${kind} | ${round} | ${N} rows | ${s.toFixed(1)} s | peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB | created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, errors ${r.errorCount}`
		);
	}
	await database.close();
	await scratch?.drop();
}

await measure('PGlite');
const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pg) await measure('PostgreSQL', pg);
clearInterval(sample);
