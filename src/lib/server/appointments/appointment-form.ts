import { z } from 'zod';
import { APPOINTMENT_KINDS } from '../db/schema';
import { PURPOSE_MAX } from './appointment-planning';
import { amsterdamInstant } from '../wall-clock';
import { isSafeVideoLink } from './video-link';

export const DURATIONS = [15, 30, 45, 60, 90, 120] as const;

/** When: a day, a start time on the Amsterdam clock and a length in minutes. */
export const periodSchema = z.object({
	date: z.iso.date('errors.invalid'),
	start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.invalid'),
	minutes: z.coerce
		.number()
		.int()
		.refine((n) => (DURATIONS as readonly number[]).includes(n), 'errors.invalid')
});

export const appointmentSchema = periodSchema.extend({
	kind: z.enum(APPOINTMENT_KINDS, 'errors.required'),
	place: z.string().trim().max(200),
	videoUrl: z.union([
		z.literal(''),
		z.string().trim().refine(isSafeVideoLink, 'security.videoLink')
	]),
	purpose: z.string().trim().min(1).max(PURPOSE_MAX),
	bring: z.string().trim().max(300)
});

export function toPeriod(p: z.infer<typeof periodSchema>) {
	const startsAt = amsterdamInstant(p.date, p.start);
	return { startsAt, endsAt: new Date(startsAt.getTime() + p.minutes * 60_000) };
}
