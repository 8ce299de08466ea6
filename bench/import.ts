// `npx tsx bench/import.ts [--clients N]`: the import from the benefit administration (issue 15)
// on PGlite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on a scratch PostgreSQL
// database (BENCH_PG_ONLY=1 skips PGlite). Generates files of N clients, N appointments and N
// instrument uses (streamed, never whole in memory), imports each, imports them again (must
// change nothing), then a clients file in which every client changed (another phone number: every
// row an update), and prints the time and this process's peak RSS for each.
// BENCH_CLIENTS_ONLY=1 runs the clients file only (first, re-import, changed).
// Profile: `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/import.ts`.
import { openDatabase } from '../src/lib/server/db/open';
import { gemeente, instrument, user } from '../src/lib/server/db/schema';
// The kinds one by one, not kinds.ts: the outflow kind reaches the notification texts, which
// only Vite can load.
import { clientsKind } from '../src/lib/server/import/clients';
import { appointmentsKind } from '../src/lib/server/import/appointments';
import { instrumentUsesKind } from '../src/lib/server/import/instrument-uses';
import { importCsv, type ImportKind } from '../src/lib/server/import/run';
import { createScratchDatabase } from '../scripts/scratch-db.js';

const arg = process.argv.indexOf('--clients');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 50_000;

async function* lines(header: string, n: number, row: (i: number) => string) {
	const enc = new TextEncoder();
	yield enc.encode(`\uFEFF${header}\r\n`);
	let batch: string[] = [];
	for (let i = 0; i < n; i++) {
		batch.push(row(i));
		if (batch.length === 1000) {
			yield enc.encode(batch.join('\r\n') + '\r\n');
			batch = [];
		}
	}
	if (batch.length) yield enc.encode(batch.join('\r\n') + '\r\n');
}

const day = (i: number) => String((i % 28) + 1).padStart(2, '0');
/** A client row; with `phone` every client has a (new) phone number, so each row updates. */
const clientRow = (i: number, phone: string) =>
	`BS-${100000 + i};Cliënt ${i} de Vries;${day(i)}-0${(i % 9) + 1}-19${60 + (i % 40)};bench;01-0${(i % 9) + 1}-2025;${['werk', 'perspectief', 'meedoen'][i % 3]};${i % 5 === 0 ? 'ar' : 'nl'};${i % 7 === 0 ? 'ja' : 'nee'};km${i % 50}@bench.example;${phone}`;
const CLIENT_HEADER =
	'Cliëntnummer;Naam;Geboortedatum;Gemeente;Uitkering sinds;Doelgroep;Taal;Statushouder;Klantmanager;Telefoon';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own row type
const FILES: [ImportKind<any, any>, () => AsyncGenerator<Uint8Array>][] = [
	[clientsKind, () => lines(CLIENT_HEADER, N, (i) => clientRow(i, ''))],
	[
		appointmentsKind,
		() =>
			lines(
				'Afspraak-id;Cliëntnummer;Datum;Begintijd;Eindtijd;Soort;Doel;Medewerker;Plaats',
				N,
				(i) =>
					`AF-${i};BS-${100000 + i};${day(i)}-0${(i % 9) + 1}-2026;${9 + (i % 7)}:00;${9 + (i % 7)}:30;kantoor;Gesprek over werk;km${i % 50}@bench.example;Stadskantoor`
			)
	],
	[
		instrumentUsesKind,
		() =>
			lines(
				'Inzet-id;Cliëntnummer;Instrument;Startdatum;Einddatum;Uitkomst',
				N,
				(i) =>
					`IN-${i};BS-${100000 + i};bench-training;${day(i)}-0${(i % 9) + 1}-2025;${i % 2 ? `${day(i)}-0${(i % 9) + 1}-2026;afgerond` : ';'}`
			)
	]
];

if (process.env.BENCH_CLIENTS_ONLY) FILES.splice(1);
/** The "changed" round: the clients file again, every client with another phone number. */
const CHANGED: typeof FILES = [
	[clientsKind, () => lines(CLIENT_HEADER, N, (i) => clientRow(i, `06-${10000000 + i}`))]
];

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

async function measure(kind: string, url?: string) {
	const scratch = url ? await createScratchDatabase(url) : null;
	const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir: 'memory://' });
	const { db } = database;
	await db.insert(gemeente).values({ code: 'bench', name: 'Bench', languages: ['nl', 'ar'] });
	await db.insert(instrument).values({ code: 'bench-training', segments: ['werk'] });
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
	for (const round of ['first import', 're-import', 'changed clients']) {
		let total = 0;
		for (const [kindOf, file] of round === 'changed clients' ? CHANGED : FILES) {
			peak = process.memoryUsage().rss;
			const t0 = performance.now();
			const cpu0 = process.cpuUsage();
			const r = await importCsv(db, admin!.id, kindOf, file(), { apply: true });
			const s = (performance.now() - t0) / 1000;
			const cpu = process.cpuUsage(cpu0);
			const cpuS = (cpu.user + cpu.system) / 1e6;
			total += s;
			console.log(
				`${kind} | ${round} | ${kindOf.name} | ${N} rows | ${s.toFixed(1)} s (CPU of this process ${cpuS.toFixed(1)} s) | peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB | created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, errors ${r.errorCount}`
			);
		}
		console.log(`${kind} | ${round} | all files | ${total.toFixed(1)} s`);
	}
	await database.close();
	await scratch?.drop();
}

if (!process.env.BENCH_PG_ONLY) await measure('PGlite');
const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pg) await measure('PostgreSQL', pg);
clearInterval(sample);
