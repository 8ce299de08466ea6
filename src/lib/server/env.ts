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
		SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(30),
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
		/** Benchmarks only: count database round trips and answer them in `x-db-round-trips`. */
		BENCH_COUNT_QUERIES: bool
	})
	.transform((e) => ({
		...e,
		// Demo sign-in is on for the embedded default, off in production unless asked for.
		demoMode: e.DEMO_MODE ?? e.NODE_ENV !== 'production',
		seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL
	}));

export type Env = z.infer<typeof envSchema>;

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
