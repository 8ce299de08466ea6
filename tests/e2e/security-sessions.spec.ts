import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './helpers';
import { contextFor, demoSignIn, FORM_HEADERS } from './security-personas';
import { cspProblems } from './security-headers';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Sessions and cookies, sign-in limits and cross-site posts, seen as a browser's requests.
// (The page headers of every route are checked in security-access.spec.ts.)

const SESSION = 'wegwijs_session';

/** The session token a context holds now. */
async function token(ctx: APIRequestContext): Promise<string | undefined> {
	return (await ctx.storageState()).cookies.find((c) => c.name === SESSION)?.value;
}

/** A fresh context that sends exactly this session cookie. */
async function replaying(value: string): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { cookie: `${SESSION}=${value}`, 'accept-language': 'nl' }
	});
}

/** True when the server treats the cookie as nobody: the client API says 401. */
async function isAnonymous(value: string): Promise<boolean> {
	const ctx = await replaying(value);
	const status = (await ctx.get('/api/client/plan')).status();
	await ctx.dispose();
	expect([200, 401]).toContain(status);
	return status === 401;
}

test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and Secure', async () => {
	const ctx = await request.newContext({ baseURL: BASE_URL });
	const res = await ctx.post('/login?/demo', {
		headers: FORM_HEADERS,
		form: { key: 'lars' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	const set = res
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((v) => v.startsWith(`${SESSION}=`));
	expect(set).toBeDefined();
	const attrs = set!.split(';').map((a) => a.trim().toLowerCase());
	expect(attrs).toContain('httponly');
	expect(attrs).toContain('samesite=lax');
	expect(attrs).toContain('path=/');
	// Secure is set whenever the app is not `vite dev`, also behind http://localhost: browsers
	// treat localhost as a secure context and keep the cookie, so the same build works there
	// and behind HTTPS. (On plain http on another host the browser would drop it.)
	expect(attrs).toContain('secure');
	// Sign-in answers are personal too.
	expect(res.headers()['cache-control']).toBe('no-store');
	await ctx.dispose();
});

test('signing in replaces a session cookie set beforehand (no fixation)', async () => {
	// A token someone planted, made up: ignored and replaced.
	const planted = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
	const ctx = await replaying(planted);
	const res = await ctx.post('/login?/demo', {
		headers: FORM_HEADERS,
		form: { key: 'lars' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	const fresh = /wegwijs_session=([^;]+)/.exec(res.headers()['set-cookie'] ?? '')?.[1];
	expect(fresh).toBeDefined();
	expect(fresh).not.toBe(planted);
	expect(await isAnonymous(planted)).toBe(true);
	expect(await isAnonymous(fresh!)).toBe(false);
	await ctx.dispose();

	// A real session of someone else's (an attacker who signed in and left the cookie behind):
	// signing in as Maryam on top of it gives a new token and ends the old one on the server.
	const attacker = await contextFor('otherClient');
	const old = (await token(attacker))!;
	await demoSignIn(attacker, 'maryam');
	const now = (await token(attacker))!;
	expect(now).not.toBe(old);
	expect(await isAnonymous(old)).toBe(true);
	const plan = await (await attacker.get('/api/client/plan')).json();
	expect(JSON.stringify(plan)).not.toContain('Lars');
	await attacker.dispose();
});

test('signing out ends the session on the server: the old cookie replayed is nobody', async () => {
	const ctx = await contextFor('client');
	const value = (await token(ctx))!;
	expect(await isAnonymous(value)).toBe(false);
	const res = await ctx.post('/logout', { headers: FORM_HEADERS, data: '', maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['clear-site-data']).toContain('"storage"');
	expect(res.headers()['set-cookie']).toMatch(
		/wegwijs_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i
	);
	expect(await isAnonymous(value)).toBe(true);
	const replay = await replaying(value);
	const page = await replay.get('/plan', { maxRedirects: 0 });
	expect(page.status()).toBe(303);
	expect(page.headers()['location']).toBe('/login?next=%2Fplan');
	await replay.dispose();
	await ctx.dispose();
});

test('five wrong passwords make the account wait, then the owner gets in (no lockout)', async () => {
	test.setTimeout(60_000);
	// Tim's client number: no other test signs him in with a password.
	const ctx = await request.newContext({ baseURL: BASE_URL });
	const attempt = (password: string) =>
		ctx.post('/login?/password', {
			headers: FORM_HEADERS,
			form: { identifier: 'WW-100004', password },
			maxRedirects: 0
		});
	for (let i = 0; i < 5; i++) {
		const res = await attempt(`wrong-${i}`);
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('klopt niet');
	}
	const waiting = await attempt('wegwijs-demo');
	expect(waiting.status()).toBe(429);
	expect(await waiting.text()).toContain('te vaak');
	expect(waiting.headers()['set-cookie'] ?? '').not.toContain(SESSION);
	const wait = Number(waiting.headers()['retry-after']);
	expect(wait).toBeGreaterThan(0);
	expect(wait).toBeLessThanOrEqual(60);
	await new Promise((r) => setTimeout(r, wait * 1000 + 200));
	const owner = await attempt('wegwijs-demo');
	expect(owner.status()).toBe(303);
	expect(owner.headers()['set-cookie'] ?? '').toContain(SESSION);
	await ctx.dispose();
});

test.describe('cross-site form posts are refused', () => {
	const EVIL = { ...FORM_HEADERS, origin: 'http://evil.example' };

	test('sign-in from another site sets no session', async () => {
		const ctx = await request.newContext({ baseURL: BASE_URL });
		const res = await ctx.post('/login?/demo', { headers: EVIL, form: { key: 'lars' } });
		expect(res.status()).toBe(403);
		expect(await res.text()).toContain('Cross-site');
		expect(res.headers()['set-cookie'] ?? '').not.toContain(SESSION);
		await ctx.dispose();
	});

	test('a signed-in client’s forms, language and sign-out cannot be posted from elsewhere', async () => {
		const ctx = await contextFor('otherClient');
		const before = await (await ctx.get('/api/client/plan')).text();
		for (const [path, form] of [
			['/plan?/step', { stepId: '00000000-0000-4000-8000-000000000000', done: 'true' }],
			['/profiel', { textSize: 'large' }],
			['/taal', { lang: 'ar' }],
			['/logout', {}]
		] as const) {
			const res = await ctx.post(path, { headers: EVIL, form, maxRedirects: 0 });
			expect(res.status(), path).toBe(403);
		}
		// text/plain is a "simple" request a page elsewhere can send too.
		const api = await ctx.post('/api/client/actions', {
			headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
			data: JSON.stringify({ type: 'step', stepId: '00000000-0000-4000-8000-000000000000' })
		});
		expect(api.status()).toBe(403);
		// Still signed in (the sign-out was refused), still in Dutch, nothing changed.
		const after = await ctx.get('/api/client/plan');
		expect(after.status()).toBe(200);
		expect(await after.text()).toBe(before);
		expect((await (await ctx.get('/')).text()).slice(0, 60)).toContain('lang="nl"');
		await ctx.dispose();
	});
});

test('the prerendered shell and offline page carry a strict policy and the security headers', async () => {
	// Served as files, without the hooks' headers; no person's data is in them.
	const ctx = await request.newContext({ baseURL: BASE_URL });
	for (const path of ['/shell', '/offline']) {
		const html = await (await ctx.get(path)).text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(cspProblems(meta, true), path).toEqual([]);
		// Files served without the hooks still get the same headers (scripts/security-headers.js).
		const h = (await ctx.get(path)).headers();
		expect(h['x-frame-options'], path).toBe('DENY');
		expect(h['x-content-type-options'], path).toBe('nosniff');
		expect(h['referrer-policy'], path).toBe('same-origin');
	}
	await ctx.dispose();
});

test('SIGTERM finishes, closes the database and exits within seconds', async () => {
	test.setTimeout(90_000);
	const port = Number(process.env.E2E_PORT ?? 4173) + 100;
	const dataDir = mkdtempSync(path.join(tmpdir(), 'wegwijs-sigterm-'));
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_MODE: 'true' },
		stdio: 'ignore'
	});
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	try {
		await expect
			.poll(
				async () => {
					try {
						return (await fetch(`http://localhost:${port}/api/health`)).status;
					} catch {
						return 0;
					}
				},
				{ timeout: 60_000 }
			)
			.toBe(200);
		const sentAt = Date.now();
		child.kill('SIGTERM');
		const code = await Promise.race([
			exited,
			new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))
		]);
		expect(code).toBe(0);
		expect(Date.now() - sentAt).toBeLessThan(8_000);
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
	}
});
