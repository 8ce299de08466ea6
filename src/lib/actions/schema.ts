import { z } from 'zod';

// What a client can change, online or queued offline. The same schema checks what the browser
// queues and what the server accepts.

export const NOTE_MAX = 500;

export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'errors.invalid');

const uuid = z.uuid();
const text = (max: number) => z.string().max(max * 4); // chars are counted again after trimming

export const clientAction = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('step'),
		stepId: uuid,
		done: z.boolean(),
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
	})
]);

export type ClientAction = z.infer<typeof clientAction>;

/** What the server answers: `error` is a key under `actions.errors` in messages. */
export type ClientActionResult =
	{ ok: true; [k: string]: unknown } | { ok: false; error: string; note?: string | null };
