import { z } from 'zod';
import {
	APPOINTMENT_KINDS,
	APPOINTMENT_STATUSES,
	INSTRUMENT_OUTCOMES,
	OUTFLOW_REASONS,
	SEGMENTS
} from '../db/schema';
import { LANGUAGE_CODES } from '../../i18n/languages';
import { CLIENT_NUMBER } from '../intake/client-number';

// The bodies of /api/v1, one zod schema each. The OpenAPI document (openapi.ts) is generated
// from these same schemas, so the document and the checks cannot drift apart. Messages that
// look like translation keys are translated when the problem is answered.

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.refine(
		(s) =>
			!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
			new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
		'errors.date'
	)
	.meta({ format: 'date', example: '2026-11-01' });
/** No control characters: every value is one line of text. */
const line = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.regex(/^[^\p{Cc}]*$/u, 'errors.invalid');

export const clientNumberSchema = z.string().regex(CLIENT_NUMBER, 'errors.invalid').meta({
	description: "The benefit system's client number: letters, digits, dashes; at most 40.",
	example: 'SZ-004711'
});

export const syncClientSchema = z
	.strictObject({
		clientNumber: clientNumberSchema,
		name: line(200).meta({ description: 'Full name.' }),
		birthDate: day,
		benefitStart: day.meta({ description: 'Start of the current benefit period.' }),
		segment: z.enum(SEGMENTS).nullable().default(null),
		language: z.enum(LANGUAGE_CODES).default('nl').meta({
			description: "Preferred language; the key's gemeente must offer it (Dutch always)."
		}),
		statushouder: z.boolean().default(false),
		phone: z
			.string()
			.regex(/^[+0-9 ()-]{6,40}$/, 'errors.invalid')
			.nullable()
			.default(null),
		email: z.email('errors.email').max(200).nullable().default(null),
		klantmanagerEmail: z
			.email('errors.email')
			.max(200)
			.nullable()
			.default(null)
			.meta({ description: 'The klantmanager in Wegwijs; null leaves the assignment as it is.' })
	})
	.meta({ id: 'SyncClient' });

export const MAX_CLIENTS_PER_CALL = 1000;

export const syncClientsBody = z
	.strictObject({
		clients: z.array(syncClientSchema).min(1).max(MAX_CLIENTS_PER_CALL)
	})
	.meta({ id: 'SyncClientsRequest' });
export type SyncClientsBody = z.infer<typeof syncClientsBody>;

export const syncClientsResult = z
	.object({
		ok: z.literal(true),
		applied: z.boolean().meta({ description: 'False for a dry run (?dryRun=true).' }),
		rows: z.int(),
		created: z.int(),
		updated: z.int(),
		unchanged: z.int()
	})
	.meta({ id: 'SyncClientsResult' });

export const syncOutflowBody = z
	.strictObject({
		clientNumber: clientNumberSchema,
		date: day.meta({ description: 'Last day of the benefit; not in the future.' }),
		reason: z.enum(OUTFLOW_REASONS),
		outcome: z.enum(INSTRUMENT_OUTCOMES).nullable().default(null).meta({
			description:
				'Outcome for every instrument use still running on the date. Required when one runs: Wegwijs never assumes "work found".'
		})
	})
	.meta({ id: 'SyncOutflowRequest' });
export type SyncOutflowBody = z.infer<typeof syncOutflowBody>;

export const syncOutflowResult = z
	.object({
		ok: z.literal(true),
		status: z.enum(['created', 'unchanged']),
		endedUses: z.int(),
		closedPlans: z.int(),
		cancelledAppointments: z.int()
	})
	.meta({ id: 'SyncOutflowResult' });

// The other kinds of the import (docs/IMPORT.md), one list per call, through the same run path
// as their CSV files (sync-records.ts). Scope: clients.

export const MAX_RECORDS_PER_CALL = 1000;

const externalId = z
	.string()
	.regex(/^[A-Za-z0-9._:/-]{1,80}$/, 'errors.invalid')
	.meta({ description: "The benefit system's own id: letters, digits, . _ : / -; at most 80." });
const time = z
	.string()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.invalid')
	.meta({ description: 'HH:MM on the Amsterdam clock.', example: '09:30' });
const optionalLine = (max: number) => line(max).nullable().default(null);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_RECORDS_PER_CALL);

export const syncAssignmentsBody = z
	.strictObject({
		assignments: list(
			z
				.strictObject({
					clientNumber: clientNumberSchema,
					klantmanagerEmail: z.email('errors.email').max(200)
				})
				.meta({ id: 'SyncAssignment' })
		)
	})
	.meta({ id: 'SyncAssignmentsRequest' });
export type SyncAssignmentsBody = z.infer<typeof syncAssignmentsBody>;

export const syncAppointmentsBody = z
	.strictObject({
		appointments: list(
			z
				.strictObject({
					id: externalId,
					clientNumber: clientNumberSchema,
					date: day,
					startTime: time,
					endTime: time,
					kind: z.enum(APPOINTMENT_KINDS),
					purpose: line(300),
					staffEmail: z
						.email('errors.email')
						.max(200)
						.meta({ description: 'The klantmanager in Wegwijs who holds it.' }),
					place: optionalLine(200),
					videoUrl: optionalLine(500).meta({ description: 'https only; required for video.' }),
					bring: optionalLine(300),
					status: z.enum(APPOINTMENT_STATUSES).default('planned').meta({
						description:
							'planned does not reopen an appointment Wegwijs cancelled; a client who left gets no new planned one after the outflow date.'
					})
				})
				.meta({ id: 'SyncAppointment' })
		)
	})
	.meta({ id: 'SyncAppointmentsRequest' });
export type SyncAppointmentsBody = z.infer<typeof syncAppointmentsBody>;

export const syncInstrumentUsesBody = z
	.strictObject({
		instrumentUses: list(
			z
				.strictObject({
					id: externalId,
					clientNumber: clientNumberSchema,
					instrument: z
						.string()
						.min(1)
						.max(80)
						.meta({ description: "The instrument's code in Wegwijs." }),
					startDate: day,
					provider: optionalLine(200),
					plannedEndDate: day.nullable().default(null),
					endDate: day.nullable().default(null).meta({
						description:
							'Needs an outcome, and an outcome needs it; null does not reopen a use Wegwijs ended.'
					}),
					outcome: z.enum(INSTRUMENT_OUTCOMES).nullable().default(null),
					outcomeReason: optionalLine(500)
				})
				.meta({ id: 'SyncInstrumentUse' })
		)
	})
	.meta({ id: 'SyncInstrumentUsesRequest' });
export type SyncInstrumentUsesBody = z.infer<typeof syncInstrumentUsesBody>;

export const syncLadderStepsBody = z
	.strictObject({
		ladderSteps: list(
			z
				.strictObject({
					clientNumber: clientNumberSchema,
					step: z.int().min(1).max(6).meta({ description: 'Step 1–6 of the participatieladder.' }),
					date: day.meta({ description: 'The latest date sets the current step.' })
				})
				.meta({ id: 'SyncLadderStep' })
		)
	})
	.meta({ id: 'SyncLadderStepsRequest' });
export type SyncLadderStepsBody = z.infer<typeof syncLadderStepsBody>;

export const problemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		message: z.string().meta({ description: 'The same as title, as every /api answer has it.' }),
		status: z.int(),
		detail: z.string().optional(),
		errors: z
			.array(
				z.object({
					pointer: z
						.string()
						.meta({ description: 'JSON pointer into the body, e.g. /clients/3/birthDate' }),
					code: z.string(),
					message: z.string()
				})
			)
			.optional()
	})
	.meta({
		id: 'Problem',
		description: 'RFC 9457 problem details; title and messages in the Accept-Language.'
	});
export type Problem = z.infer<typeof problemSchema>;
