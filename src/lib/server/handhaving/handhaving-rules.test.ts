import { describe, expect, it } from 'vitest';
import {
	correctedCountingQuarter,
	countingQuarter,
	objectionOpen,
	objectionUntil,
	parseAmount,
	periodError
} from './handhaving-rules';

describe('bezwaar within six weeks (Awb 6:7, 6:8)', () => {
	it('runs to the besluit day + 42 days, that day included', () => {
		expect(objectionUntil('2026-12-01')).toBe('2027-01-12');
		expect(objectionOpen('2026-12-01', '2027-01-12')).toBe(true);
		expect(objectionOpen('2026-12-01', '2027-01-13')).toBe(false);
		expect(objectionOpen('2026-12-01', '2026-12-01')).toBe(true);
	});
	it('counts calendar days across a leap day', () => {
		expect(objectionUntil('2028-02-01')).toBe('2028-03-14');
	});
});

describe('the period of a maatregel', () => {
	it('may be one day and up to just under twelve months', () => {
		expect(periodError('2026-01-01', '2026-01-01')).toBeNull();
		expect(periodError('2026-01-01', '2026-03-31')).toBeNull();
		expect(periodError('2026-01-01', '2026-12-31')).toBeNull();
	});
	it('refuses an end before the start and twelve months or more', () => {
		expect(periodError('2026-01-02', '2026-01-01')).toBe('period_end_before_start');
		expect(periodError('2026-01-01', '2027-01-01')).toBe('period_too_long');
	});
});

describe('amounts as typed', () => {
	it('reads euros with a decimal comma or point, thousands points and a euro sign', () => {
		expect(parseAmount('125')).toBe(12_500);
		expect(parseAmount('125,5')).toBe(12_550);
		expect(parseAmount('125,50')).toBe(12_550);
		expect(parseAmount('125.05')).toBe(12_505);
		expect(parseAmount('1.250,50')).toBe(125_050);
		expect(parseAmount('€ 1.250')).toBe(125_000);
		expect(parseAmount(' 0,01 ')).toBe(1);
	});
	it('refuses what is not an amount', () => {
		for (const s of ['', '-5', '12,345', '1,2,3', '1.25.0', 'abc', '12 50', '1e3', 'NaN'])
			expect(parseAmount(s), s).toBeNull();
		expect(parseAmount('9'.repeat(30))).toBeNull();
	});
});

describe('the last day for bezwaar moves past weekends and holidays (Algemene termijnenwet art. 1)', () => {
	it('a last day on a Saturday becomes the Monday after', () => {
		// Saturday 31 October 2026 + 42 days = Saturday 12 December 2026.
		expect(objectionUntil('2026-10-31')).toBe('2026-12-14');
		expect(objectionOpen('2026-10-31', '2026-12-14')).toBe(true);
		expect(objectionOpen('2026-10-31', '2026-12-15')).toBe(false);
	});
	it('a last day on the 2nd Easter day becomes the Tuesday', () => {
		// 23 February 2026 + 42 days = Monday 6 April 2026, 2e paasdag.
		expect(objectionUntil('2026-02-23')).toBe('2026-04-07');
	});
	it('a last day on Koningsdag celebrated on Saturday 26 April 2025 becomes Monday 28', () => {
		expect(objectionUntil('2025-03-15')).toBe('2025-04-28');
	});
	it('a last day on 5 May becomes 6 May', () => {
		expect(objectionUntil('2026-03-24')).toBe('2026-05-06');
	});
});

describe('the quarter the council report counts a besluit in', () => {
	const published = new Set(['2026-Q1', '2026-Q2', '2026-Q4']);
	it('is the quarter of its day while that is not published', () => {
		expect(countingQuarter('2026-07-01', published)).toBe('2026-Q3');
		expect(countingQuarter('2025-12-31', published)).toBe('2025-Q4');
		expect(countingQuarter('2027-01-01', published)).toBe('2027-Q1');
	});
	it('is the first quarter after it not yet published when it is', () => {
		expect(countingQuarter('2026-01-01', published)).toBe('2026-Q3');
		expect(countingQuarter('2026-06-30', published)).toBe('2026-Q3');
		expect(countingQuarter('2026-12-31', published)).toBe('2027-Q1');
	});
	it('stays where a publication counted it after a correction; otherwise follows the new day', () => {
		expect(correctedCountingQuarter('2026-Q2', '2026-08-01', published)).toBe('2026-Q2');
		expect(correctedCountingQuarter('2026-Q3', '2026-11-01', published)).toBe('2027-Q1');
		expect(correctedCountingQuarter('2026-Q3', '2026-04-01', published)).toBe('2026-Q3');
		expect(correctedCountingQuarter('2027-Q1', '2026-07-15', published)).toBe('2026-Q3');
	});
});
