import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadMessages } from './load';
import { MESSAGES, messagesForRoute } from './messages.server';

const file = (lang: string) => JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'));
const STAFF = ['km', 'admin', 'report'];

describe('UI strings for the pages (small files per language: the shell and the route)', () => {
	it('gives the sign-in page the shell and its own texts, nothing of the rest of the app', async () => {
		const m = await loadMessages('nl', '/login');
		expect(Object.keys(m).sort()).toEqual([
			'app',
			'bottomNav',
			'errors',
			'login',
			'nav',
			'offline',
			'pwa'
		]);
		expect(m.login).toEqual(file('nl').login);
	});

	it('leaves the staff screens’ texts out of every client page', async () => {
		for (const route of [
			'/(client)',
			'/(client)/plan',
			'/(client)/afspraken',
			'/(client)/profiel'
		]) {
			const m = await loadMessages('ar', route);
			for (const ns of STAFF) expect(m[ns]).toBeUndefined();
			expect(m.app).toEqual(file('ar').app);
		}
		expect((await loadMessages('nl', '/(client)/plan')).plan).toEqual(file('nl').plan);
	});

	it('gives staff every text of their language, exactly as in its file', async () => {
		expect(await loadMessages('ar', '/km/clienten/[id=uuid]')).toEqual(file('ar'));
		expect(await loadMessages('nl', '/beheer/gebruikers')).toEqual(MESSAGES.nl);
		expect(await loadMessages('tr', '/rapportage')).toEqual(file('tr'));
	});

	it('a route not listed takes its nearest listed parent; no route only the shell', async () => {
		expect(await loadMessages('nl', '/(client)/plan/nieuw')).toBe(
			await loadMessages('nl', '/(client)/plan')
		);
		expect(Object.keys(await loadMessages('nl', null)).sort()).toEqual([
			'app',
			'bottomNav',
			'errors',
			'nav',
			'offline',
			'pwa'
		]);
		expect(await loadMessages('uk', '/nieuw')).toEqual(file('uk'));
	});

	it('reads each bundle once: the same object for every request', async () => {
		expect(await loadMessages('tr', '/(client)/plan')).toBe(
			await loadMessages('tr', '/(client)/plan')
		);
	});
});

describe('the same strings for pages rendered on their own (messagesForRoute)', () => {
	it('matches what the browser loads, per route', async () => {
		for (const route of ['/(client)/plan', '/login', '/km', null])
			expect(messagesForRoute('uk', route)).toEqual(await loadMessages('uk', route));
	});
});
