import { describe, expect, it } from 'vitest';
import { messagesForPage } from './messages.server';

describe('UI strings sent with a page', () => {
	it('leaves the staff screens’ texts out for clients and visitors', () => {
		for (const roles of [[], ['client']]) {
			const m = messagesForPage('nl', roles);
			expect(m.km).toBeUndefined();
			expect(m.admin).toBeUndefined();
			expect(m.plan).toBeDefined();
			expect(m.notifications).toBeDefined();
		}
	});
	it('sends everything to staff', () => {
		expect(messagesForPage('ar', ['klantmanager']).km).toBeDefined();
		expect(messagesForPage('nl', ['client', 'admin']).admin).toBeDefined();
	});
});
