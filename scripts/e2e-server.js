// Starts the built app for the browser tests on a fresh, throw-away PGlite database
// (or a fresh PostgreSQL database when E2E_DATABASE_URL is set), with demo data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

if (process.env.E2E_DATABASE_URL) {
	process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
	process.env.SEED_DEMO = 'true';
} else {
	process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'wegwijs-e2e-'));
}
process.env.DEMO_MODE = 'true';
await import('./server-entry.js');
