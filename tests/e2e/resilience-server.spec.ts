import { expect, test } from '@playwright/test';
import { startAppServer, tempDataDir, type AppServer } from './app-server';

// The resilience specs kill and restart their own app processes. Those must be the server
// production runs (`npm start`: scripts/serve.js → compression, security headers on static
// files), not adapter-node's bare build/index.js, or what they prove is about another server.

const PORT = Number(process.env.E2E_PORT ?? 4173) + 61;

let app: AppServer | undefined;
let data: ReturnType<typeof tempDataDir> | undefined;

test.afterAll(async () => {
	await app?.kill();
	data?.remove();
});

test('the resilience app server is the production entry: pages compressed, static files with security headers', async () => {
	test.setTimeout(180_000);
	data = tempDataDir();
	app = await startAppServer({ port: PORT, dataDir: data.dir, readyTimeoutMs: 120_000 });
	const page = await fetch(`${app.origin}/login`, { headers: { 'accept-encoding': 'br, gzip' } });
	expect(page.status).toBe(200);
	expect(page.headers.get('content-encoding')).toBe('br');
	// A prerendered file adapter-node serves without the app's hooks still carries them.
	const offline = await fetch(`${app.origin}/offline`);
	expect(offline.status).toBe(200);
	expect(offline.headers.get('x-content-type-options')).toBe('nosniff');
	expect(offline.headers.get('x-frame-options')).toBe('DENY');
});
