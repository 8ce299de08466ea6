import { describe, expect, it } from 'vitest';
import {
	quarterDays,
	quarterOfDay,
	quarterOfInstant,
	quarterSchema,
	quartersEndingWith,
	shiftQuarter
} from './quarters';

describe('quarters', () => {
	it('puts a day in its quarter', () => {
		expect(quarterOfDay('2026-01-01')).toBe('2026-Q1');
		expect(quarterOfDay('2026-03-31')).toBe('2026-Q1');
		expect(quarterOfDay('2026-04-01')).toBe('2026-Q2');
		expect(quarterOfDay('2026-12-31')).toBe('2026-Q4');
	});

	it('uses Amsterdam time: New Year’s night at 00:30 is already the new quarter', () => {
		expect(quarterOfInstant(new Date('2025-12-31T23:30:00Z'))).toBe('2026-Q1');
	});

	it('steps over year ends', () => {
		expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
		expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
		expect(quartersEndingWith('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
	});

	it('knows the days of a quarter, leap years included', () => {
		expect(quarterDays('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
		expect(quarterDays('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
	});

	it('refuses malformed quarters', () => {
		for (const bad of ['2026-Q5', '2026Q1', '26-Q1', '2026-Q1; drop table', '', '1800-Q1']) {
			expect(quarterSchema.safeParse(bad).success).toBe(false);
		}
		expect(quarterSchema.parse('2026-Q4')).toBe('2026-Q4');
	});
});

describe('quarters at their edges', () => {
	it('accepts the years 2000 to 2100 and nothing outside', () => {
		for (const ok of ['2000-Q1', '2100-Q4']) expect(quarterSchema.safeParse(ok).success).toBe(true);
		for (const bad of ['1999-Q4', '2101-Q1'])
			expect(quarterSchema.safeParse(bad).success).toBe(false);
	});

	it('refuses text before the quarter and says why with a translation key', () => {
		const r = quarterSchema.safeParse('x2026-Q1');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe('report.errors.badQuarter');
		expect(quarterSchema.safeParse('2101-Q1').error?.issues[0]?.message).toBe(
			'report.errors.badQuarter'
		);
	});

	it('a malformed quarter in code is a programming error, named in the message', () => {
		expect(() => shiftQuarter('2026-Q5', 1)).toThrow('not a quarter: 2026-Q5');
		expect(() => shiftQuarter('x2026-Q1', 1)).toThrow('not a quarter');
	});
});
