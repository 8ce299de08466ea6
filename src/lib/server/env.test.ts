import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment', () => {
	it('runs on the embedded database with demo mode by default', () => {
		const e = parseEnv({});
		expect(e.DATABASE_URL).toBeUndefined();
		expect(e.demoMode).toBe(true);
		expect(e.seedDemo).toBe(true);
	});
	it('turns demo mode off in production unless asked for', () => {
		expect(parseEnv({ NODE_ENV: 'production' }).demoMode).toBe(false);
		expect(parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' }).demoMode).toBe(true);
	});
	it('does not seed demo data into a real server unless asked for', () => {
		expect(parseEnv({ DATABASE_URL: 'postgres://x@h/db' }).seedDemo).toBe(false);
	});
	it('counts database round trips only when the benchmark asks for it', () => {
		expect(parseEnv({}).BENCH_COUNT_QUERIES).toBeUndefined();
		expect(parseEnv({ BENCH_COUNT_QUERIES: 'true' }).BENCH_COUNT_QUERIES).toBe(true);
		expect(parseEnv({ BENCH_COUNT_QUERIES: 'false' }).BENCH_COUNT_QUERIES).toBe(false);
		expect(() => parseEnv({ BENCH_COUNT_QUERIES: 'yes' })).toThrow(/BENCH_COUNT_QUERIES/);
	});
	it('stops with a message naming a malformed variable', () => {
		expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
		expect(() => parseEnv({ SESSION_DAYS: 'many' })).toThrow(/SESSION_DAYS/);
		expect(() => parseEnv({ DIGID_ISSUER: 'not a url' })).toThrow(/DIGID_ISSUER/);
	});
});
