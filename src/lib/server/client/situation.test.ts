import { describe, expect, it } from 'vitest';
import { ageOn, ownSituation } from './situation';

describe('own situation', () => {
	it('counts age in whole years, birthday included', () => {
		expect(ageOn('2000-11-23', '2026-11-23')).toBe(26);
		expect(ageOn('2000-11-24', '2026-11-23')).toBe(25);
	});
	it('pre-selects the age band and status that fit', () => {
		expect(
			ownSituation({ segment: 'werk', birthDate: '2001-05-01', statushouder: false }, '2026-11-23')
		).toEqual({ segment: 'werk', age: 'under27', statushouder: 'no' });
		expect(
			ownSituation({ segment: null, birthDate: '1967-01-01', statushouder: true }, '2026-11-23')
		).toEqual({ segment: 'all', age: 'over45', statushouder: 'yes' });
	});
});
