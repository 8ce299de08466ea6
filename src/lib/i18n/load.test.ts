import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadMessages } from './load';
import { MESSAGES, messagesForPage } from './messages.server';
import { needsStaffPart, STAFF_NAMESPACES } from './parts';

const file = (lang: string) => JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'));

describe('UI strings for the pages (one file per language and part)', () => {
	it('leaves the staff screens’ texts out for clients and visitors', async () => {
		for (const roles of [[], ['client']]) {
			const m = await loadMessages('nl', needsStaffPart(roles));
			for (const ns of STAFF_NAMESPACES) expect(m[ns]).toBeUndefined();
			expect(m.plan).toEqual(file('nl').plan);
			expect(m.notifications).toBeDefined();
		}
	});

	it('gives staff every text of their language, exactly as in its file', async () => {
		expect(needsStaffPart(['client', 'admin'])).toBe(true);
		expect(await loadMessages('ar', needsStaffPart(['klantmanager']))).toEqual(file('ar'));
		expect(await loadMessages('nl', true)).toEqual(MESSAGES.nl);
	});

	it('reads each part once: the same object for every request', async () => {
		expect(await loadMessages('tr', false)).toBe(await loadMessages('tr', false));
	});
});

describe('the same strings for pages rendered on their own (messagesForPage)', () => {
	it('matches what the browser loads, per role', async () => {
		expect(messagesForPage('uk', ['client'])).toEqual(await loadMessages('uk', false));
		expect(messagesForPage('uk', ['admin'])).toEqual(await loadMessages('uk', true));
	});
});
