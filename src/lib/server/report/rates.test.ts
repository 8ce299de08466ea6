import { describe, expect, it } from 'vitest';
import { flowRates, medianDays, withinWorkingDays, workingDaysBetween } from './rates';

// The pure rules of the indicators of issue #13 §7 (docs/DOMAIN.md "The council report").

describe('flowRates', () => {
	it('inflow over the bestand at the end, outflow over inflow plus the bestand at the start', () => {
		// Soest 2012 (bijlage 3): instroom t / volume ultimo t; uitstroom t / (instroom t + volume ultimo t−1).
		expect(flowRates({ before: 90, size: 100, inflow: 20, outflow: 10 })).toEqual({
			inflowRate: 0.2,
			outflowRate: 10 / 110
		});
	});

	it('has no rate without a base, and none from a hidden figure', () => {
		expect(flowRates({ before: 0, size: 0, inflow: 0, outflow: 0 })).toEqual({
			inflowRate: null,
			outflowRate: null
		});
		expect(flowRates({ before: 90, size: 100, inflow: null, outflow: 10 })).toEqual({
			inflowRate: null,
			outflowRate: null
		});
		expect(flowRates({ before: null, size: 100, inflow: 20, outflow: 10 })).toEqual({
			inflowRate: 0.2,
			outflowRate: null
		});
	});
});

describe('workingDaysBetween', () => {
	// 2026-06-05 is a Friday.
	it.each([
		['2026-06-05', '2026-06-05', 0],
		['2026-06-05', '2026-06-06', 0],
		['2026-06-05', '2026-06-08', 1],
		['2026-06-06', '2026-06-08', 1],
		['2026-06-01', '2026-06-03', 2],
		['2026-06-01', '2026-06-15', 10]
	])('from %s to %s is %i working days', (from, to, n) => {
		expect(workingDaysBetween(from, to)).toBe(n);
	});
});

describe('withinWorkingDays', () => {
	it('counts an answer on the second working day after the question, not on the third', () => {
		// Asked on Friday: Monday is the first working day, Tuesday the second.
		expect(withinWorkingDays('2026-06-05', '2026-06-09', 2)).toBe(true);
		expect(withinWorkingDays('2026-06-05', '2026-06-10', 2)).toBe(false);
		expect(withinWorkingDays('2026-06-05', null, 2)).toBe(false);
	});
});

describe('medianDays', () => {
	it('is the middle answer time, an unanswered question counting as the longest', () => {
		expect(medianDays([0, 1, 5])).toBe(1);
		expect(medianDays([0, 1, 2, 5])).toBe(1.5);
		expect(medianDays([0, null, null])).toBeNull();
		expect(medianDays([0, 3, null])).toBe(3);
		expect(medianDays([])).toBeNull();
	});
});
