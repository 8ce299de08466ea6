import { z } from 'zod';
import { INSTRUMENT_OUTCOMES, OUTFLOW_REASONS, SEGMENTS } from '$lib/server/db/schema';
import { ANSWER_MAX } from '$lib/server/appointments/client-requests';

// The klantmanager's smaller forms, one schema each. Messages that are translation keys
// ('errors.required') are shown as such; see parseForm in ./form-data.

const day = z.iso.date('errors.invalid');

/** Client file: answer a client's request (accept, decline, or answer a question). */
export const answerSchema = z.object({
	requestId: z.uuid(),
	status: z.enum(['accepted', 'declined', 'answered']),
	answer: z.string().trim().max(ANSWER_MAX)
});

/** Client file: re-classify the client (werk, perspectief, meedoen). */
export const segmentSchema = z.object({ segment: z.enum(SEGMENTS, 'errors.required') });

/** Client file (team lead): move the client to another klantmanager. */
export const moveClientSchema = z.object({ to: z.uuid('errors.required') });

/** Hulp: register a use of an instrument. */
export const registerUseSchema = z.object({
	instrumentId: z.uuid('errors.required'),
	startDate: day,
	plannedEndDate: z.union([z.literal(''), day]),
	provider: z.string().trim().max(200)
});

/** Hulp: end a use, with its outcome. */
export const endUseSchema = z.object({
	useId: z.uuid(),
	endDate: day,
	outcome: z.enum(INSTRUMENT_OUTCOMES, 'errors.required'),
	reason: z.string().trim().max(500)
});

/** Hulp: record the outflow (uitstroom) of the client. */
export const outflowSchema = z.object({
	date: day,
	reason: z.enum(OUTFLOW_REASONS, 'errors.required')
});

/** Plan: start a plan, from a template or empty. */
export const createPlanSchema = z.object({ templateId: z.union([z.literal(''), z.uuid()]) });

/** Plan: fill an empty draft from a template. */
export const applyTemplateSchema = z.object({
	planId: z.uuid(),
	version: z.coerce.number().int().min(1),
	revision: z.coerce.number().int().min(0),
	templateId: z.uuid('errors.required')
});
