import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	appointment,
	client,
	instrument,
	message,
	plan,
	planStep,
	type MessageContext,
	type MessageIntent
} from '../db/schema';
import type { Tx } from '../client/idempotency';
import { MESSAGE_MAX } from '../../actions/schema';
import * as documents from '../documents/documents';

/** Longest message, in characters after trimming (a long letter, not a document). */
export { MESSAGE_MAX };

export type SendError =
	'empty' | 'message_too_long' | 'not_found' | 'reason_missing' | 'documents_not_found';

export interface MessageContextInput {
	kind: MessageContext;
	id?: string | null;
	version?: number | null;
	intent?: MessageIntent | null;
}

/** The text trimmed and counted in characters (an emoji is one), or why it cannot be sent. */
export function cleanBody(
	raw: string,
	required: boolean
): { ok: true; body: string } | { ok: false; error: SendError } {
	const body = raw.trim();
	if (!body && required) return { ok: false, error: 'empty' };
	if ([...body].length > MESSAGE_MAX) return { ok: false, error: 'message_too_long' };
	return { ok: true, body };
}

/**
 * Checks that what the client writes about is theirs: a step of their plan, their plan (and
 * that version), their appointment, an active instrument. Returns the context to store.
 */
async function ownContext(
	tx: Tx | Db,
	clientId: string,
	ctx: MessageContextInput | null | undefined
): Promise<{
	contextKind: MessageContext | null;
	contextId: string | null;
	planVersion: number | null;
	intent: MessageIntent | null;
} | null> {
	if (!ctx || ctx.kind === 'home') {
		return { contextKind: ctx ? 'home' : null, contextId: null, planVersion: null, intent: null };
	}
	if (!ctx.id) return null;
	let found: { id: string } | undefined;
	switch (ctx.kind) {
		case 'step':
			[found] = await tx
				.select({ id: planStep.id })
				.from(planStep)
				.innerJoin(plan, eq(plan.id, planStep.planId))
				.where(and(eq(planStep.id, ctx.id), eq(plan.clientId, clientId)));
			break;
		case 'plan':
			[found] = await tx
				.select({ id: plan.id })
				.from(plan)
				.where(
					and(
						eq(plan.id, ctx.id),
						eq(plan.clientId, clientId),
						sql`${plan.status} <> 'draft'`,
						ctx.version ? sql`${plan.version} >= ${ctx.version}` : undefined
					)
				);
			break;
		case 'appointment':
			[found] = await tx
				.select({ id: appointment.id })
				.from(appointment)
				.where(and(eq(appointment.id, ctx.id), eq(appointment.clientId, clientId)));
			break;
		case 'instrument':
			[found] = await tx
				.select({ id: instrument.id })
				.from(instrument)
				.where(and(eq(instrument.id, ctx.id), eq(instrument.active, true)));
			break;
	}
	if (!found) return null;
	const intent =
		ctx.kind === 'plan' && (ctx.intent === 'question' || ctx.intent === 'disagree')
			? ctx.intent
			: ctx.kind === 'instrument'
				? 'ask'
				: null;
	return {
		contextKind: ctx.kind,
		contextId: found.id,
		planVersion: ctx.kind === 'plan' ? (ctx.version ?? null) : null,
		intent
	};
}

export async function clientOfUser(tx: Tx | Db, userId: string) {
	const [me] = await tx
		.select({ id: client.id, klantmanagerId: client.klantmanagerId })
		.from(client)
		.where(eq(client.userId, userId));
	return me;
}

/**
 * A client writes to their klantmanager, from Home or from what the message is about. Nothing
 * is stored when the text is empty or too long, or the context is not the client's.
 */
export async function sendFromClient(
	tx: Tx,
	input: {
		userId: string;
		body: string;
		context?: MessageContextInput | null;
		/** Uploads of this client not yet sent; a message with documents may have no text. */
		documents?: string[];
		now?: Date;
	}
): Promise<{ ok: true; messageId: string } | { ok: false; error: SendError }> {
	const planReason = input.context?.kind === 'plan' && input.context.intent === 'disagree';
	const documentIds = input.documents ?? [];
	const cleaned = cleanBody(input.body, documentIds.length === 0 || planReason);
	if (!cleaned.ok) {
		return {
			ok: false,
			error: planReason && cleaned.error === 'empty' ? 'reason_missing' : cleaned.error
		};
	}
	const me = await clientOfUser(tx, input.userId);
	if (!me) return { ok: false, error: 'not_found' };
	const ctx = await ownContext(tx, me.id, input.context);
	if (!ctx) return { ok: false, error: 'not_found' };
	// Checked before anything is stored: only the client's own uploads not sent before.
	if (!(await documents.unsentOwn(tx, me.id, documentIds))) {
		return { ok: false, error: 'documents_not_found' };
	}
	const id = await insertClientMessage(tx, {
		clientId: me.id,
		userId: input.userId,
		body: cleaned.body,
		...ctx,
		now: input.now
	});
	await documents.attachToMessage(tx, me.id, id, documentIds);
	return { ok: true, messageId: id };
}

/** Stores a client's message (also for "Vraag mijn klantmanager hiernaar" and change requests). */
export async function insertClientMessage(
	tx: Tx | Db,
	m: {
		clientId: string;
		userId: string;
		body: string;
		contextKind: MessageContext | null;
		contextId: string | null;
		planVersion?: number | null;
		intent?: MessageIntent | null;
		now?: Date;
	}
): Promise<string> {
	const [row] = await tx
		.insert(message)
		.values({
			clientId: m.clientId,
			authorId: m.userId,
			fromClient: true,
			body: m.body,
			contextKind: m.contextKind,
			contextId: m.contextId,
			planVersion: m.planVersion ?? null,
			intent: m.intent ?? null,
			createdAt: m.now ?? new Date()
		})
		.returning({ id: message.id });
	return row!.id;
}
