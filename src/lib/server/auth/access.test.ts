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
