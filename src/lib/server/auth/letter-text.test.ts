import { describe, expect, it } from 'vitest';
import { lettersFor } from './letter-text';

const facts = {
	code: 'ABCD-EFGH',
	expiresAt: '2026-12-21T12:00:00.000Z',
	name: 'Maryam Haddad',
	clientNumber: 'WW-100005',
	gemeente: 'Lindewaard',
	klantmanager: { name: 'Sanne de Vries', phone: '0314 123 456' }
};

describe('the activation letter for the client and the people who help them', () => {
	it('comes in the client’s language and, after it, in Dutch with the same code', () => {
		const { letter, dutch } = lettersFor('ar', facts, 'https://wegwijs.example');
		expect(letter).toMatchObject({ lang: 'ar', dir: 'rtl', code: 'ABCD-EFGH' });
		expect(dutch).toMatchObject({ lang: 'nl', dir: 'ltr', code: 'ABCD-EFGH' });
		expect(dutch!.title).not.toBe(letter.title);
		expect(dutch!.steps[0]).toContain('https://wegwijs.example/activeren');
		expect(dutch!.expires).toContain('december');
	});
	it('is one Dutch letter for a client who reads Dutch, or a language Wegwijs lacks', () => {
		expect(lettersFor('nl', facts, 'https://x.example')).toMatchObject({
			letter: { lang: 'nl' },
			dutch: null
		});
		expect(lettersFor('xx', facts, 'https://x.example')).toMatchObject({
			letter: { lang: 'nl' },
			dutch: null
		});
	});
});
