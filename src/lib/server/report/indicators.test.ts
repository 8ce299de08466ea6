import { describe, expect, it } from 'vitest';
import {
	addMonths,
	agreeShare,
	clientEffect,
	effectWithin,
	gradeStats,
	NORM_MIN_N,
	normColour,
	normVerdict,
	outflowByReason,
	wilson
} from './indicators';

describe('wilson', () => {
	// Newcombe (1998), "Two-sided confidence intervals for the single proportion", method 3.
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718],
		[10, 10, 0.7225, 1]
	])('%i of %i gives %f to %f', (k, n, low, high) => {
		const ci = wilson(k, n)!;
		expect(ci.low).toBeCloseTo(low, 4);
		expect(ci.high).toBeCloseTo(high, 4);
	});

	it('has no interval without answers', () => {
		expect(wilson(0, 0)).toBeNull();
		expect(wilson(3, 2)).toBeNull();
	});
});

describe('agreeShare', () => {
	it('counts (helemaal) eens among valid answers and leaves "weet ik niet" out', () => {
		const r = agreeShare({ 5: 3, 4: 3, 3: 2, 2: 1, 1: 1, 0: 40 });
		expect(r).toMatchObject({ n: 10, k: 6, dontKnow: 40, share: 0.6 });
		expect(r.interval!.low).toBeCloseTo(wilson(6, 10)!.low, 10);
	});

	it('has no share when everybody said "weet ik niet"', () => {
		expect(agreeShare({ 0: 12 })).toMatchObject({ n: 0, share: null, interval: null });
	});
});

describe('gradeStats', () => {
	it('gives the mean and the share onvoldoende (below 6)', () => {
		const r = gradeStats({ 4: 1, 5: 1, 6: 2, 8: 4, 10: 2 });
		expect(r.n).toBe(10);
		expect(r.mean).toBeCloseTo(7.3, 10);
		expect(r.failShare).toBeCloseTo(0.2, 10);
	});
	it('a 6 is voldoende', () => {
		expect(gradeStats({ 6: 5 }).failShare).toBe(0);
	});
});

describe('outflowByReason', () => {
	it('counts each client once, with their last outflow in the period', () => {
		const rows = [
			{ clientId: 'a', date: '2026-04-10', reason: 'verhuizing' },
			{ clientId: 'a', date: '2026-06-01', reason: 'werk' },
			{ clientId: 'b', date: '2026-05-01', reason: 'werk' },
			{ clientId: 'c', date: '2026-03-31', reason: 'opleiding' }
		];
		expect(outflowByReason(rows, '2026-04-01', '2026-06-30')).toEqual({ werk: 2 });
	});
});

describe('effect window', () => {
	const use = { startDate: '2025-01-01', endDate: '2025-06-30' };
	it('counts work within 6 months after the end, not at 6 months and a day', () => {
		expect(effectWithin(use, [{ date: '2025-12-30', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'yes'
		);
		expect(effectWithin(use, [{ date: '2025-12-31', reason: 'werk' }], 6, '2026-06-01')).toBe('no');
		expect(effectWithin(use, [{ date: '2025-12-31', reason: 'werk' }], 12, '2026-07-01')).toBe(
			'yes'
		);
	});
	it('work or education during the instrument counts in "during", never "after": that use leaves the after base', () => {
		const edu = [{ date: '2025-03-01', reason: 'opleiding' }];
		expect(effectWithin(use, edu, 'during', '2026-06-01')).toBe('yes');
		expect(effectWithin(use, edu, 6, '2026-06-01')).toBe('left');
		expect(effectWithin(use, edu, 12, '2027-06-01')).toBe('left');
		expect(effectWithin(use, [{ date: '2025-08-01', reason: 'verhuizing' }], 6, '2026-06-01')).toBe(
			'no'
		);
		expect(effectWithin(use, [{ date: '2024-12-31', reason: 'werk' }], 6, '2026-06-01')).toBe('no');
	});
	it('an instrument ended by outflow to work (on its last day) is a hit during, out of the after base', () => {
		const out = [{ date: '2025-06-30', reason: 'werk' }];
		expect(effectWithin(use, out, 'during', '2025-07-01')).toBe('yes');
		expect(effectWithin(use, out, 6, '2026-06-01')).toBe('left');
		// The day after the end is the first day "after".
		expect(
			effectWithin(use, [{ date: '2025-07-01', reason: 'werk' }], 'during', '2026-06-01')
		).toBe('no');
		expect(effectWithin(use, [{ date: '2025-07-01', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'yes'
		);
	});
	it('leaving for another reason during the instrument also takes it out of the after base', () => {
		expect(effectWithin(use, [{ date: '2025-05-01', reason: 'verhuizing' }], 6, '2026-06-01')).toBe(
			'left'
		);
	});
	it('the last day of the window is still open: judged only from the day after', () => {
		// 6 months after 30 June 2025 is 30 December 2025, the window's last day (included).
		expect(effectWithin(use, [], 6, '2025-12-30')).toBe('pending');
		expect(effectWithin(use, [], 6, '2025-12-31')).toBe('no');
	});
	it('is pending while the window is still open', () => {
		expect(effectWithin(use, [], 12, '2026-01-15')).toBe('pending');
		expect(effectWithin(use, [], 6, '2026-01-15')).toBe('no');
	});
	it('adds months to the last day of shorter months', () => {
		expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
	});
});

describe('normColour', () => {
	it('green at or above the norm, orange from the lower bound, else red', () => {
		const norm = { green: 80, orange: 70, higherIsBetter: true };
		expect(normColour(80, norm)).toBe('green');
		expect(normColour(79.9, norm)).toBe('orange');
		expect(normColour(70, norm)).toBe('orange');
		expect(normColour(69.9, norm)).toBe('red');
	});
	it('mirrored when lower is better (% onvoldoende)', () => {
		const norm = { green: 10, orange: 20, higherIsBetter: false };
		expect(normColour(10, norm)).toBe('green');
		expect(normColour(15, norm)).toBe('orange');
		expect(normColour(20.5, norm)).toBe('red');
	});
});

describe('indicator maths at the boundaries', () => {
	it('no interval for impossible counts', () => {
		expect(wilson(-1, 5)).toBeNull();
		expect(wilson(6, 5)).toBeNull();
		expect(wilson(0, 0)).toBeNull();
		expect(wilson(5, 5)).not.toBeNull();
	});

	it('no mean and no share onvoldoende without grades', () => {
		expect(gradeStats({})).toEqual({ n: 0, sum: 0, mean: null, failShare: null, fail: 0 });
	});

	it('counts outflow on the first and the last day of the period, not the day before or after', () => {
		const row = (clientId: string, date: string) => ({ clientId, date, reason: 'werk' });
		const rows = [
			row('a', '2026-03-31'),
			row('b', '2026-04-01'),
			row('c', '2026-06-30'),
			row('d', '2026-07-01')
		];
		expect(outflowByReason(rows, '2026-04-01', '2026-06-30')).toEqual({ werk: 2 });
	});

	it('a client who left twice on one day counts once, with the outflow recorded first', () => {
		const rows = [
			{ clientId: 'a', date: '2026-05-01', reason: 'werk' },
			{ clientId: 'a', date: '2026-05-01', reason: 'verhuizing' }
		];
		expect(outflowByReason(rows, '2026-04-01', '2026-06-30')).toEqual({ werk: 1 });
	});

	it('work found on the first day of the instrument counts', () => {
		const use = { startDate: '2026-01-10', endDate: '2026-03-10' };
		expect(
			effectWithin(use, [{ date: '2026-01-10', reason: 'werk' }], 'during', '2027-01-01')
		).toBe('yes');
		expect(
			effectWithin(use, [{ date: '2026-01-09', reason: 'werk' }], 'during', '2027-01-01')
		).toBe('no');
	});

	it('lower is better: exactly the orange norm is orange, just above is red', () => {
		const norm = { green: 10, orange: 20, higherIsBetter: false };
		expect(normColour(20, norm)).toBe('orange');
		expect(normColour(20.1, norm)).toBe('red');
		expect(normColour(10, norm)).toBe('green');
	});
});

describe('effect once per client', () => {
	const a = { startDate: '2025-01-01', endDate: '2025-03-31' };
	const b = { startDate: '2025-02-01', endDate: '2025-06-30' };
	it('a client with two instruments counts once, as a hit when either is followed by work', () => {
		// Work on 2025-09-15: after a (within 6 months: until 2025-09-30) and after b.
		expect(clientEffect([a, b], [{ date: '2025-09-15', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'yes'
		);
		// Work on 2025-12-30: too late for a (6 months: 2025-09-30), the last day for b.
		expect(clientEffect([a, b], [{ date: '2025-12-30', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'yes'
		);
		expect(clientEffect([a, b], [{ date: '2025-12-31', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'no'
		);
	});
	it('in the after base while one instrument ended on the benefit; out only when all were left', () => {
		// Left for work during b (2025-05-01); a ended before that, on the benefit, and work came
		// within 6 months of a: a hit after a.
		expect(clientEffect([a, b], [{ date: '2025-05-01', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'yes'
		);
		expect(clientEffect([b], [{ date: '2025-05-01', reason: 'werk' }], 6, '2026-06-01')).toBe(
			'left'
		);
	});
	it('pending while any window is open and nothing happened', () => {
		expect(clientEffect([a, b], [], 6, '2025-11-01')).toBe('pending');
		expect(clientEffect([a, b], [], 6, '2025-12-31')).toBe('no');
	});
});

describe('normVerdict', () => {
	const norm = { green: 80, orange: 70, higherIsBetter: true };
	const ci = (k: number, n: number) => {
		const w = wilson(k, n)!;
		return { low: w.low * 100, high: w.high * 100 };
	};
	it(`no colour below ${NORM_MIN_N}: "te weinig antwoorden"`, () => {
		expect(normVerdict(100, NORM_MIN_N - 1, ci(NORM_MIN_N - 1, NORM_MIN_N - 1), norm)).toBe('few');
		expect(normVerdict(100, NORM_MIN_N, ci(NORM_MIN_N, NORM_MIN_N), norm)).toBe('green');
	});
	it('"onzeker" when the interval straddles a threshold, the colour when it does not', () => {
		// 85% of 40: interval about 71%–93%, across 80.
		expect(normVerdict(85, 40, ci(34, 40), norm)).toBe('uncertain');
		// 85% of 1000: about 83%–87%.
		expect(normVerdict(85, 1000, ci(850, 1000), norm)).toBe('green');
		// 50% of 1000: red for certain.
		expect(normVerdict(50, 1000, ci(500, 1000), norm)).toBe('red');
		// An interval exactly up to the threshold: green at 80 is possible, so uncertain.
		expect(normVerdict(75, 100, { low: 70, high: 80 }, norm)).toBe('uncertain');
		expect(normVerdict(75, 100, { low: 70, high: 79.9 }, norm)).toBe('orange');
	});
	it('a figure without an interval (the mean) gets only the n rule', () => {
		expect(normVerdict(75, 30, null, { green: 70, orange: 60, higherIsBetter: true })).toBe(
			'green'
		);
		expect(normVerdict(75, 29, null, { green: 70, orange: 60, higherIsBetter: true })).toBe('few');
	});
});
