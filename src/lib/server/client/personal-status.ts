import type { Client } from '../db/schema';

/** The personal block above the rights and duties: what applies to this client now. */
export function personalStatus(c: Client, today: string) {
	const exempt = !!c.exemptionReason && (!c.exemptionReviewDate || c.exemptionReviewDate >= today);
	return {
		exemption: exempt ? { reason: c.exemptionReason!, reviewDate: c.exemptionReviewDate } : null,
		applicationsPerWeek: exempt ? null : c.applicationsPerWeek,
		agreedHoursPerWeek: c.agreedHoursPerWeek,
		tegenprestatie: c.tegenprestatie
	};
}
