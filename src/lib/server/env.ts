import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
	.enum(['true', 'false', '1', '0'])
	.transform((v) => v === 'true' || v === '1')
	.optional();

/** Everything Wegwijs reads from the environment, parsed once so a bad value stops start-up. */
export const envSchema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		DATABASE_URL: z
			.string()
			.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
			.optional(),
		DATA_DIR: z.string().min(1).default('data'),
		DEMO_MODE: bool,
		SEED_DEMO: bool,
		ORIGIN: z.url().optional(),
		DIENST_NAME: z.string().min(1).default('Sociale Dienst Achterhoek-West'),
		/** Client sessions: absolute lifetime in days (from sign-in, not sliding). */
		SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(30),
		/** Client sessions: ended after this many days without a request. */
		SESSION_CLIENT_IDLE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
		/** Staff sessions: absolute lifetime in hours. */
		SESSION_STAFF_HOURS: z.coerce.number().int().min(1).max(24).default(8),
		/** Staff sessions: ended after this many minutes without a request. */
		SESSION_STAFF_IDLE_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
		/** Seconds a proof of identity counts before granting roles and other high-risk acts (#14). */
		REAUTH_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
		/** adapter-node: the header with the client's address, set only behind a reverse proxy. */
		ADDRESS_HEADER: z
			.string()
			.regex(/^[A-Za-z0-9-]+$/, 'must be a header name, e.g. x-forwarded-for')
			.optional(),
		/** adapter-node: the number of trusted proxies in front of the app (x-forwarded-for only). */
		XFF_DEPTH: z.coerce.number().int().min(1).max(10).optional(),
		DIGID_ISSUER: z.url().optional(),
		DIGID_CLIENT_ID: z.string().min(1).optional(),
		DIGID_CLIENT_SECRET: z.string().min(1).optional(),
		STAFF_OIDC_ISSUER: z.url().optional(),
		STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
		STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
			.optional(),
		MAIL_FROM: z.string().min(3).default('Wegwijs <noreply@wegwijs.example>'),
		/** Months between periodic surveys for one client; 0 switches the periodic survey off. */
		SURVEY_PERIODIC_MONTHS: z.coerce.number().int().min(0).max(36).default(6),
		/** 32 random bytes, base64: seals documents at rest. Missing: made once in DATA_DIR. */
		DOCUMENT_KEY: z
			.string()
			.refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64')
			.optional(),
		/** Web Push (VAPID): both keys or neither; missing: made once in DATA_DIR. */
		VAPID_PUBLIC_KEY: z
			.string()
			.regex(/^[A-Za-z0-9_-]{87}$/, 'must be a P-256 public key, base64url')
			.optional(),
		VAPID_PRIVATE_KEY: z
			.string()
			.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 private key, base64url')
			.optional(),
		VAPID_SUBJECT: z
			.string()
			.regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
			.default('mailto:beheer@wegwijs.example'),
		/** Audit events older than this many months are removed by the daily job (#14). */
		AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(6).max(240).default(60),
		/** Benchmarks only: count database round trips and answer them in `x-db-round-trips`. */
		BENCH_COUNT_QUERIES: bool
	})
	.superRefine((e, ctx) => {
		// The sign-in limits count per client address: behind a proxy a wrong setting would put
		// everyone on one address (or let anyone choose theirs), so an inconsistent one stops start-up.
		const header = e.ADDRESS_HEADER?.toLowerCase();
		if (e.XFF_DEPTH !== undefined && header !== 'x-forwarded-for') {
			ctx.addIssue({
				code: 'custom',
				path: ['XFF_DEPTH'],
				message: 'only means something with ADDRESS_HEADER=x-forwarded-for'
			});
		}
		if (header === 'x-forwarded-for' && e.XFF_DEPTH === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['XFF_DEPTH'],
				message: 'must be set to the number of trusted proxies with ADDRESS_HEADER=x-forwarded-for'
			});
		}
		if (!e.VAPID_PUBLIC_KEY !== !e.VAPID_PRIVATE_KEY) {
			ctx.addIssue({
				code: 'custom',
				path: [e.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'],
				message: 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together'
			});
		}
		if (header && !e.ORIGIN) {
			ctx.addIssue({
				code: 'custom',
				path: ['ORIGIN'],
				message: 'must be set to the public URL when ADDRESS_HEADER says the app is behind a proxy'
			});
		}
	})
	.transform((e) => ({
		...e,
		// Demo sign-in (one-click admin) only when asked for, or on the embedded default database
		// in a folder the demo itself created; never in production unless DEMO_MODE=true.
		demoMode:
			e.DEMO_MODE ?? (e.NODE_ENV !== 'production' && !e.DATABASE_URL && demoFolder(e.DATA_DIR)),
		seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
		sessionLimits: {
			staff: {
				absoluteMs: e.SESSION_STAFF_HOURS * 3_600_000,
				idleMs: e.SESSION_STAFF_IDLE_MINUTES * 60_000
			},
			client: {
				absoluteMs: e.SESSION_DAYS * 86_400_000,
				idleMs: e.SESSION_CLIENT_IDLE_DAYS * 86_400_000
			}
		}
	}));

export type Env = z.infer<typeof envSchema>;

/** The file that marks a PGlite folder as made by the demo (`npm start` on a fresh checkout). */
export const DEMO_MARKER = '.wegwijs-demo';

/** A folder that does not exist yet (the demo is about to create it) or carries the marker. */
function demoFolder(dataDir: string): boolean {
	if (dataDir.startsWith('memory://')) return true;
	return !existsSync(dataDir) || existsSync(path.join(dataDir, DEMO_MARKER));
}

/** Called once the embedded database folder exists: marks it as the demo's own. */
export function markDemoFolder(e: Env): void {
	if (!e.demoMode || e.DEMO_MODE !== undefined || e.DATABASE_URL) return;
	if (e.DATA_DIR.startsWith('memory://') || !existsSync(e.DATA_DIR)) return;
	const marker = path.join(e.DATA_DIR, DEMO_MARKER);
	if (!existsSync(marker)) writeFileSync(marker, 'Made by the Wegwijs demo: demo sign-in is on.\n');
}

export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = envSchema.safeParse(source);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Wegwijs cannot start: invalid environment variables\n${lines.join('\n')}`);
	}
	return result.data;
}

let cached: Env | undefined;
export function env(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}
