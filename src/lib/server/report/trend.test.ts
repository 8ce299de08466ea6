import { describe, expect, it } from 'vitest';
import { versionChanges } from './trend';

const Q = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const a = (q: string, trigger: string, version: number) => ({ q, trigger, version });

describe('the trend warns where the survey version changes', () => {
	it('marks the quarter a trigger was answered in a new version, once', () => {
		const answered = [
			a('2025-Q1', 'appointment', 1),
			a('2025-Q2', 'appointment', 1),
			a('2025-Q3', 'appointment', 2),
			a('2025-Q4', 'appointment', 2)
		];
		expect(versionChanges(Q, answered)).toEqual(['2025-Q3']);
	});

	it('marks a quarter that mixes versions and the one after it; a first trigger is no change', () => {
		const answered = [
			a('2025-Q1', 'appointment', 1),
			a('2025-Q2', 'periodic', 1),
			a('2025-Q2', 'appointment', 1),
			a('2025-Q2', 'appointment', 2),
			a('2025-Q4', 'appointment', 2)
		];
		expect(versionChanges(Q, answered)).toEqual(['2025-Q2', '2025-Q4']);
	});

	it('compares with the last quarter that had answers, across a quarter without', () => {
		const answered = [a('2025-Q1', 'periodic', 1), a('2025-Q3', 'periodic', 1)];
		expect(versionChanges(Q, answered)).toEqual([]);
	});
});
