import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { client, clientRequest, instrument } from '../db/schema';
import type { Tx } from '../client/idempotency';
import { insertClientMessage } from '../messages/conversation';

export const QUESTION_MAX = 500;

export type AskError = 'not_found' | 'too_long';

/**
 * "Vraag mijn klantmanager hiernaar": one open question per instrument; asking again while
 * it is open changes nothing.
 */
export async function askAboutInstrument(
	tx: Tx,
	input: { userId: string; instrumentId: string; message?: string | null; now?: Date }
): Promise<{ ok: true; requestId: string; existing: boolean } | { ok: false; error: AskError }> {
	const message = input.message?.trim() || null;
	if (message && [...message].length > QUESTION_MAX) return { ok: false, error: 'too_long' };
	const [me] = await tx
		.select({ id: client.id })
		.from(client)
		.where(eq(client.userId, input.userId));
	const [inst] = await tx
		.select({ id: instrument.id })
		.from(instrument)
		.where(and(eq(instrument.id, input.instrumentId), eq(instrument.active, true)));
	if (!me || !inst) return { ok: false, error: 'not_found' };
	const [open] = await tx
		.select({ id: clientRequest.id })
		.from(clientRequest)
		.where(
			and(
				eq(clientRequest.clientId, me.id),
				eq(clientRequest.instrumentId, inst.id),
				eq(clientRequest.status, 'open')
			)
		);
	if (open) return { ok: true, requestId: open.id, existing: true };
	const now = input.now ?? new Date();
	const [created] = await tx
		.insert(clientRequest)
		.values({ clientId: me.id, kind: 'instrument_question', instrumentId: inst.id, createdAt: now })
		.returning({ id: clientRequest.id });
	// The question is a message in the conversation, about this instrument (the request row
	// keeps only whether it is open): the answer comes back there and on the instrument's page.
	await insertClientMessage(tx, {
		clientId: me.id,
		userId: input.userId,
		body: message ?? '',
		contextKind: 'instrument',
		contextId: inst.id,
		intent: 'ask',
		now
	});
	return { ok: true, requestId: created!.id, existing: false };
}

/** Open instrument questions of a client, to show "gevraagd" on the catalogue. */
/**
 * Whether `clientId` has an open question about the instrument in `instrumentId`, as a column
 * expression, so the catalogue and instrument pages read it in their own query.
 */
export function openQuestionAbout(clientId: string | null, instrumentId: PgColumn): SQL<boolean> {
	if (!clientId) return sql<boolean>`false`;
	return sql<boolean>`exists (select 1 from client_request q where q.client_id = ${clientId}
		and q.instrument_id = ${instrumentId} and q.kind = 'instrument_question'
		and q.status = 'open')`;
}
