import { describe, expect, it } from 'vitest';
import { easterSunday, generalHolidays, isGeneralHoliday, nextNonHoliday } from './termijnenwet';

// Dates checked against the published calendars (rijksoverheid.nl "Feestdagen") for those years.
describe('Easter (Gregorian calendar)', () => {
	it('finds Easter Sunday in early, late and ordinary years', () => {
		expect(easterSunday(2024)).toBe('2024-03-31');
		expect(easterSunday(2025)).toBe('2025-04-20');
		expect(easterSunday(2026)).toBe('2026-04-05');
		expect(easterSunday(2027)).toBe('2027-03-28');
		expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible
		expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible
		expect(easterSunday(2000)).toBe('2000-04-23');
	});
});

describe('general holidays (Algemene termijnenwet art. 3)', () => {
	it('lists the days of art. 3 lid 1 for 2026', () => {
		expect(generalHolidays(2026)).toEqual([
			'2026-01-01',
			'2026-04-06', // 2e paasdag
			'2026-04-27', // Koningsdag
			'2026-05-05',
			'2026-05-14', // Hemelvaartsdag
			'2026-05-25', // 2e pinksterdag
			'2026-12-25',
			'2026-12-26'
		]);
	});
	it('celebrates Koningsdag on 26 April when 27 April is a Sunday', () => {
		expect(isGeneralHoliday('2025-04-26')).toBe(true);
		expect(isGeneralHoliday('2025-04-27')).toBe(false);
		expect(isGeneralHoliday('2031-04-26')).toBe(true);
		expect(isGeneralHoliday('2024-04-27')).toBe(true);
	});
	it('counts 5 May every year, not only every fifth year', () => {
		expect(isGeneralHoliday('2027-05-05')).toBe(true);
		expect(isGeneralHoliday('2026-05-06')).toBe(false);
	});
	it('does not count Goede Vrijdag', () => {
		expect(isGeneralHoliday('2026-04-03')).toBe(false);
	});
});

describe('a deadline ending on a closed day moves on (art. 1)', () => {
	it('leaves a working day alone', () => {
		expect(nextNonHoliday('2027-01-12')).toBe('2027-01-12');
	});
	it('moves Saturday and Sunday to Monday', () => {
		expect(nextNonHoliday('2026-12-12')).toBe('2026-12-14');
		expect(nextNonHoliday('2026-12-13')).toBe('2026-12-14');
	});
	it('moves Easter Sunday past the 2nd Easter day to Tuesday', () => {
		expect(nextNonHoliday('2026-04-05')).toBe('2026-04-07');
		expect(nextNonHoliday('2026-04-06')).toBe('2026-04-07');
	});
	it('moves Christmas on a Friday past the weekend to Monday 28th', () => {
		expect(nextNonHoliday('2026-12-25')).toBe('2026-12-28');
	});
	it('moves Saturday 26 April 2025 (Koningsdag) and Sunday 27 to Monday 28', () => {
		expect(nextNonHoliday('2025-04-26')).toBe('2025-04-28');
	});
	it('moves 5 May to 6 May', () => {
		expect(nextNonHoliday('2026-05-05')).toBe('2026-05-06');
	});
});
