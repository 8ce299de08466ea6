import { describe, expect, it } from 'vitest';
import { personalStatus } from './personal-status';
import type { Client } from '../db/schema';

const base = {
	exemptionReason: null,
	exemptionReviewDate: null,
	applicationsPerWeek: 2,
	agreedHoursPerWeek: null,
	tegenprestatie: false
} as unknown as Client;

describe('personal status', () => {
	it('shows an exemption with its review date and no application duty', () => {
		const s = personalStatus(
			{ ...base, exemptionReason: 'Zorg voor jonge kinderen', exemptionReviewDate: '2027-03-01' },
			'2026-11-23'
		);
		expect(s.exemption).toEqual({ reason: 'Zorg voor jonge kinderen', reviewDate: '2027-03-01' });
		expect(s.applicationsPerWeek).toBeNull();
	});
	it('no longer shows an exemption after its review date has passed', () => {
		const s = personalStatus(
			{ ...base, exemptionReason: 'Ziekte', exemptionReviewDate: '2026-01-01' },
			'2026-11-23'
		);
		expect(s.exemption).toBeNull();
		expect(s.applicationsPerWeek).toBe(2);
	});
});
