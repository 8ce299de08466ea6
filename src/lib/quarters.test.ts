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
