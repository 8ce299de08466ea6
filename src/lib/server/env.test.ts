import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_MARKER, parseEnv } from './env';

describe('environment', () => {
	it('runs on the embedded database with demo mode in a folder the demo makes', () => {
		const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'wegwijs-env-')), 'data');
		const e = parseEnv({ DATA_DIR: fresh });
		expect(e.DATABASE_URL).toBeUndefined();
		expect(e.demoMode).toBe(true);
		expect(e.seedDemo).toBe(true);
	});
	it('keeps demo mode off on a database folder the demo did not make', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'wegwijs-env-'));
		expect(parseEnv({ DATA_DIR: dir }).demoMode).toBe(false);
		expect(parseEnv({ DATA_DIR: dir, DEMO_MODE: 'true' }).demoMode).toBe(true);
		writeFileSync(path.join(dir, DEMO_MARKER), 'x');
		expect(parseEnv({ DATA_DIR: dir }).demoMode).toBe(true);
		const other = path.join(dir, 'sub');
		mkdirSync(other);
		expect(parseEnv({ DATA_DIR: other, DATABASE_URL: 'postgres://x@h/db' }).demoMode).toBe(false);
	});
	it('refuses an inconsistent proxy setting for the client address', () => {
		const origin = { ORIGIN: 'https://wegwijs.example' };
		expect(() => parseEnv({ ...origin, XFF_DEPTH: '1' })).toThrow(/XFF_DEPTH/);
		expect(() => parseEnv({ ...origin, ADDRESS_HEADER: 'x-forwarded-for' })).toThrow(/XFF_DEPTH/);
		expect(() => parseEnv({ ADDRESS_HEADER: 'x-real-ip' })).toThrow(/ORIGIN/);
		expect(() => parseEnv({ ...origin, ADDRESS_HEADER: 'x forwarded' })).toThrow(/ADDRESS_HEADER/);
		const ok = parseEnv({ ...origin, ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' });
		expect(ok.XFF_DEPTH).toBe(2);
		expect(parseEnv({ ...origin, ADDRESS_HEADER: 'x-real-ip' }).ADDRESS_HEADER).toBe('x-real-ip');
	});
	it('gives staff short sessions and clients longer ones, both configurable', () => {
		const e = parseEnv({});
		expect(e.sessionLimits.staff).toEqual({ absoluteMs: 8 * 3_600_000, idleMs: 30 * 60_000 });
		expect(e.sessionLimits.client.absoluteMs).toBe(30 * 86_400_000);
		const f = parseEnv({ SESSION_STAFF_HOURS: '4', SESSION_STAFF_IDLE_MINUTES: '15' });
		expect(f.sessionLimits.staff).toEqual({ absoluteMs: 4 * 3_600_000, idleMs: 15 * 60_000 });
		expect(() => parseEnv({ SESSION_STAFF_IDLE_MINUTES: '0' })).toThrow(
			/SESSION_STAFF_IDLE_MINUTES/
		);
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
