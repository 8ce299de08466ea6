import { z } from 'zod';
import { DOCUMENTS_MAX, MESSAGE_MAX, NOTE_MAX, OPEN_ANSWER_MAX } from './limits';

// What a client can change, online or queued offline. The same schema checks what the browser
// queues and what the server accepts. The limits live in limits.ts (no zod) for the browser.

export { DOCUMENTS_MAX, MESSAGE_MAX, NOTE_MAX, OPEN_ANSWER_MAX };

export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'errors.invalid');

const uuid = z.uuid();
const text = (max: number) => z.string().max(max * 4); // chars are counted again after trimming

export const clientAction = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('step'),
		stepId: uuid,
		/** Absent: only the note is saved, the step's status stays as it is. */
		done: z.boolean().optional(),
		note: text(NOTE_MAX).nullable().optional(),
		seenVersion: z.number().int().min(1).optional()
	}),
	z.object({ type: z.literal('agree'), planId: uuid, version: z.number().int().min(1) }),
	z.object({
		type: z.literal('ask'),
		instrumentId: uuid,
		message: text(NOTE_MAX).nullable().optional()
	}),
	z.object({
		type: z.literal('change'),
		appointmentId: uuid,
		kind: z.enum(['cannot_come', 'other_time']),
		reason: text(NOTE_MAX)
	}),
	z.object({
		type: z.literal('message'),
		body: text(MESSAGE_MAX),
		/** Documents uploaded first (`/api/client/documents`), attached to this message. */
		documents: z.array(uuid).max(DOCUMENTS_MAX).optional(),
		context: z
			.object({
				kind: z.enum(['home', 'step', 'instrument', 'appointment', 'plan']),
				id: uuid.nullable().optional(),
				version: z.number().int().min(1).nullable().optional(),
				intent: z.enum(['question', 'disagree']).nullable().optional()
			})
			.nullable()
			.optional()
	}),
	z
		.object({
			type: z.literal('read'),
			/** The newest message from the klantmanager that was on screen. */
			upTo: uuid.optional(),
			/** When the inbox of notices was on screen (its newest notice's time). */
			notices: z.iso.datetime().optional()
		})
		// A "read" that names neither is not a request the page ever sends.
		.refine((a) => a.upTo !== undefined || a.notices !== undefined, 'errors.invalid'),
	z.object({
		type: z.literal('survey'),
		invitationId: uuid,
		/** item code → 1..5 agreement (0 = weet ik niet) or 1..10 grade; skipped items are absent */
		answers: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.number().int().min(0).max(10)),
		open: text(OPEN_ANSWER_MAX).nullable().optional(),
		language: z.string().regex(/^[a-z]{2,3}$/)
	})
]);

export type ClientAction = z.infer<typeof clientAction>;

/** What the server answers: `error` is a key under `actions.errors` in messages. */
export type ClientActionResult =
	{ ok: true; [k: string]: unknown } | { ok: false; error: string; note?: string | null };
