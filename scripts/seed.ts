/**
 * Fills the database with demo and benchmark data.
 *
 *   npm run seed -- --clients 50000 [--klantmanagers N] [--survey-answers N]
 *                   [--instrument-uses N] [--appointments N] [--seed N] [--demo]
 *
 * DATABASE_URL selects a PostgreSQL server; otherwise PGlite in ${DATA_DIR:-data}/pglite.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase } from '../src/lib/server/db/open';
import { gemeente } from '../src/lib/server/db/schema';
import { seedDemo } from '../src/lib/server/seed/demo';
import { seedLarge } from '../src/lib/server/seed/large';

const USAGE = `usage: npm run seed -- --clients N [--klantmanagers N] [--survey-answers N]
                   [--instrument-uses N] [--appointments N] [--seed N] [--demo]`;

const count = (name: string) =>
	z
		.string({ error: `--${name} needs a number` })
		.regex(/^\d+$/, `--${name} must be a whole number, e.g. --${name} 1000`)
		.transform(Number)
		.optional();

const argsSchema = z.object({
	clients: count('clients').default(0),
	klantmanagers: count('klantmanagers').refine((n) => n === undefined || n >= 1, {
		message: '--klantmanagers must be at least 1'
	}),
	'survey-answers': count('survey-answers'),
	'instrument-uses': count('instrument-uses'),
	appointments: count('appointments'),
	seed: count('seed'),
	demo: z.boolean().default(false),
	help: z.boolean().default(false)
});

const envSchema = z.object({
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	DATA_DIR: z.string().min(1).default('data')
});

function fail(message: string): never {
	process.stderr.write(`${message}\n${USAGE}\n`);
	process.exit(2);
}

function parseCli(argv: string[]) {
	let values: Record<string, unknown>;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				clients: { type: 'string' },
				klantmanagers: { type: 'string' },
				'survey-answers': { type: 'string' },
				'instrument-uses': { type: 'string' },
				appointments: { type: 'string' },
				seed: { type: 'string' },
				demo: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (e) {
		fail((e as Error).message);
	}
	const parsed = argsSchema.safeParse(values);
	if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('\n'));
	if (parsed.data.help) {
		process.stdout.write(`${USAGE}\n`);
		process.exit(0);
	}
	return parsed.data;
}

async function main(): Promise<void> {
	const args = parseCli(process.argv.slice(2));
	const envParsed = envSchema.safeParse(process.env);
	if (!envParsed.success) fail(envParsed.error.issues.map((i) => i.message).join('\n'));
	const env = envParsed.data;

	const started = performance.now();
	const database = await openDatabase(
		env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: `${env.DATA_DIR}/pglite` }
	);
	const { db } = database;
	const where = env.DATABASE_URL
		? new URL(env.DATABASE_URL).host + new URL(env.DATABASE_URL).pathname
		: `${env.DATA_DIR}/pglite`;
	process.stderr.write(`Seeding ${database.kind} (${where})\n`);

	try {
		const empty = (await db.select({ id: gemeente.id }).from(gemeente).limit(1)).length === 0;
		if (args.demo || empty) {
			const added = await seedDemo(db);
			process.stderr.write(added ? 'Demo data added.\n' : 'Demo data already present; skipped.\n');
		}

		if (args.clients > 0) {
			const bar = new cliProgress.SingleBar(
				{
					format:
						'{stage} |{bar}| {percentage}% | {value}/{total} | {duration_formatted} (nog ~{eta_formatted})',
					stream: process.stderr,
					hideCursor: true,
					noTTYOutput: true,
					notTTYSchedule: 5000,
					etaBuffer: 20
				},
				cliProgress.Presets.shades_classic
			);
			let stage = '';
			const result = await seedLarge(db, {
				clients: args.clients,
				klantmanagers: args.klantmanagers,
				surveyAnswers: args['survey-answers'],
				instrumentUses: args['instrument-uses'],
				appointments: args.appointments,
				seed: args.seed,
				onProgress: (done, total, next) => {
					// One bar per stage, so the estimate of the time left fits the work left.
					if (next !== stage) {
						if (stage) bar.stop();
						stage = next;
						bar.start(total, done, { stage: next.padEnd(13) });
					} else bar.update(done);
				}
			});
			bar.stop();
			process.stderr.write(`Added: ${JSON.stringify(result)}\n`);
		}

		const tables = [
			'gemeente',
			'user',
			'client',
			'ladder_step',
			'plan',
			'plan_step',
			'instrument',
			'instrument_use',
			'outflow',
			'appointment',
			'survey_response'
		];
		const rows: Record<string, number> = {};
		for (const t of tables) {
			const res: unknown = await db.execute(sql.raw(`select count(*)::int as n from "${t}"`));
			// PGlite returns { rows }, postgres.js an array.
			const list = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as {
				n: number;
			}[];
			rows[t] = list[0]!.n;
		}
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		process.stdout.write('Totals in the database:\n');
		for (const [t, n] of Object.entries(rows)) {
			process.stdout.write(`  ${t.padEnd(16)} ${n.toLocaleString('nl-NL').padStart(12)}\n`);
		}
		process.stdout.write(`Done in ${seconds} s.\n`);
	} finally {
		await database.close();
	}
}

main().catch((e: unknown) => {
	process.stderr.write(
		`Seeding failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
	);
	process.exit(1);
});
