import { describe, expect, it } from 'vitest';
import { accessFor, mayAccess, safeNext, startPage } from './access';

describe('route access', () => {
	it('maps each area to its role', () => {
		expect(accessFor('/(client)/plan')).toBe('client');
		expect(accessFor('/(client)')).toBe('client');
		expect(accessFor('/km/clienten/[id=uuid]')).toBe('klantmanager');
		expect(accessFor('/rapportage')).toBe('reporter');
		expect(accessFor('/beheer/audit')).toBe('admin');
		expect(accessFor('/login')).toBe('public');
	});
	it('does not let a look-alike prefix through', () => {
		expect(accessFor('/kmx')).toBe('signed-in');
		expect(accessFor('/loginx')).toBe('signed-in');
	});
	it('refuses the wrong role and the signed-out', () => {
		expect(mayAccess({ roles: ['client'] }, 'klantmanager')).toBe(false);
		expect(mayAccess(null, 'signed-in')).toBe(false);
		expect(mayAccess({ roles: ['reporter', 'admin'] }, 'admin')).toBe(true);
	});
	it('sends each role to its own start page', () => {
		expect(startPage(['client'])).toBe('/');
		expect(startPage(['klantmanager'])).toBe('/km');
		expect(startPage(['reporter'])).toBe('/rapportage');
		expect(startPage(['admin'])).toBe('/beheer');
	});
	it('only follows same-site paths after sign-in', () => {
		expect(safeNext('/plan')).toBe('/plan');
		expect(safeNext('//evil.example')).toBeNull();
		expect(safeNext('https://evil.example')).toBeNull();
		expect(safeNext('/km/clienten?q=de%20Vries&page=2#plan')).toBe(
			'/km/clienten?q=de%20Vries&page=2#plan'
		);
	});
	it('refuses a next that a browser or header could read as another origin or break on', () => {
		for (const bad of [
			'/\t/evil.example',
			'/\x09/evil.example',
			'/\n/evil.example',
			'/plan\r\nSet-Cookie: x=1',
			'/plan\u2028',
			'/caf\u00e9',
			'/plan/\u0645',
			'/\\evil.example',
			'/ /evil.example',
			''
		]) {
			expect(safeNext(bad), JSON.stringify(bad)).toBeNull();
		}
	});
});

// Every row of the access table, pinned (mutation testing found rows no test looked at).
describe('the access table, row by row', () => {
	it.each([
		['/api/client/actions', 'client'],
		['/api/km/caseload', 'klantmanager'],
		['/logout', 'public'],
		['/activeren', 'public'],
		['/auth/[provider]/callback', 'public'],
		['/taal', 'public'],
		['/offline', 'public'],
		['/shell', 'public'],
		['/api/health', 'public'],
		['/bench/leeg', 'public'],
		['/api/other', 'signed-in'],
		// #14: "Blijf ingelogd" for anyone signed in (never anonymous), so an idle client or
		// klantmanager can stay signed in; the passkey ceremony is reached by half a sign-in (the
		// endpoint checks it); the reset of a second factor is admin.
		['/api/session', 'signed-in'],
		['/login/tweede-stap/passkey', 'public'],
		['/beheer/gebruikers/[id=uuid]/tweede-stap', 'admin'],
		// An import's status and progress (#15): admin, like all of /beheer.
		['/beheer/import/[id=uuid]/voortgang', 'admin'],
		// The sync API checks its own keys, not a session: a signed-out caller must reach it.
		['/api/v1/clients', 'public'],
		['/api/v1', 'public']
	])('%s needs %s', (route, access) => {
		expect(accessFor(route)).toBe(access);
	});

	it('an unknown route (404) is public so SvelteKit can answer it', () => {
		expect(accessFor(null)).toBe('public');
	});

	it('public needs nobody, signed-in needs any account, even without roles', () => {
		expect(mayAccess(null, 'public')).toBe(true);
		expect(mayAccess(null, accessFor('/api/session'))).toBe(false);
		expect(
			mayAccess({ roles: ['klantmanager'] }, accessFor('/beheer/gebruikers/[id=uuid]/tweede-stap'))
		).toBe(false);
		expect(mayAccess({ roles: [] }, 'signed-in')).toBe(true);
		expect(mayAccess({ roles: [] }, 'client')).toBe(false);
	});

	it('someone without a role lands on the sign-in page', () => {
		expect(startPage([])).toBe('/login');
		expect(startPage(['unknown-role'])).toBe('/login');
	});

	it('refuses a backslash path that browsers read as another origin', () => {
		expect(safeNext('/\\evil.example')).toBeNull();
	});

	it('refuses a missing next without failing', () => {
		expect(safeNext(null)).toBeNull();
		expect(safeNext(undefined)).toBeNull();
	});

	it('follows a next of up to 500 characters, not one longer', () => {
		const path = (length: number) => '/km/clienten?q=' + 'a'.repeat(length - 15);
		expect(path(500)).toHaveLength(500);
		expect(safeNext(path(500))).toBe(path(500));
		expect(safeNext(path(501))).toBeNull();
	});
});
