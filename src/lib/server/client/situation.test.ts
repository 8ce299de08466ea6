import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('age bands at their boundaries', () => {
	afterEach(() => vi.useRealTimers());
	const band = (birthDate: string, today: string) =>
		ownSituation({ segment: null, birthDate, statushouder: false }, today).age;

	it('counts a birthday later in the year or earlier in the year', () => {
		expect(ageOn('2000-12-01', '2026-11-23')).toBe(25);
		expect(ageOn('2000-10-30', '2026-11-23')).toBe(26);
	});
	it('is under 27 until the 27th birthday, and from that very day not', () => {
		expect(band('1999-11-23', '2026-11-22')).toBe('under27');
		expect(band('1999-11-23', '2026-11-23')).toBe('all');
	});
	it('is 45 or older from the 45th birthday itself', () => {
		expect(band('1981-11-23', '2026-11-22')).toBe('all');
		expect(band('1981-11-23', '2026-11-23')).toBe('over45');
	});
	it('uses the Amsterdam day: at 00:30 on the birthday the band has already changed', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-11-22T23:30:00Z')); // 00:30 on 23 November in Amsterdam
		expect(ownSituation({ segment: null, birthDate: '1981-11-23', statushouder: false }).age).toBe(
			'over45'
		);
	});
});
