import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { clientRequest, instrument, message, type MessageContext } from '../db/schema';
import type { Tx } from '../client/idempotency';
import type { Staff } from '../caseload/caseload';
import * as audit from '../audit/audit';
import * as notifications from '../notifications/notifications';
import { contextLink } from './message-view';
import { cleanBody } from './client-send';
import { requireConversationAccess } from './access';

export type ReplyError = 'empty' | 'message_too_long' | 'not_found';

/**
 * A klantmanager, team lead or stand-in answers. The answer takes the context of the message
 * it replies to (so it shows where the client asked); every waiting client message is now
 * answered (the time to a first answer is kept), an open question about that instrument is
 * closed, and the client is told, without the text, that there is a new message.
 */
export async function reply(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { body: string; replyTo?: string | null },
	now = new Date(),
	channels?: notifications.Channel[]
): Promise<{ ok: true; messageId: string } | { ok: false; error: ReplyError }> {
	await requireConversationAccess(db, staff, clientId);
	const cleaned = cleanBody(input.body, true);
	if (!cleaned.ok) {
		return { ok: false, error: cleaned.error === 'message_too_long' ? cleaned.error : 'empty' };
	}
	// The push goes out only after the commit (a rolled-back reply announces nothing).
	return transaction(db, async (tx) => {
		let about: typeof message.$inferSelect | undefined;
		if (input.replyTo) {
			[about] = await tx
				.select()
				.from(message)
				.where(
					and(
						eq(message.id, input.replyTo),
						eq(message.clientId, clientId),
						eq(message.fromClient, true)
					)
				);
			if (!about) return { ok: false, error: 'not_found' } as const;
		}
		const [row] = await tx
			.insert(message)
			.values({
				clientId,
				authorId: staff.id,
				fromClient: false,
				body: cleaned.body,
				contextKind: about?.contextKind ?? null,
				contextId: about?.contextId ?? null,
				planVersion: about?.planVersion ?? null,
				replyTo: about?.id ?? null,
				createdAt: now
			})
			.returning({ id: message.id });
		await tx
			.update(message)
			.set({ answeredAt: now })
			.where(
				and(
					eq(message.clientId, clientId),
					eq(message.fromClient, true),
					isNull(message.answeredAt)
				)
			);
		// What the client read there is now read by staff too.
		await tx
			.update(message)
			.set({ readAt: now })
			.where(
				and(
					eq(message.clientId, clientId),
					eq(message.fromClient, true),
					isNull(message.readAt),
					lte(message.createdAt, now)
				)
			);
		if (about?.contextKind === 'instrument' && about.contextId) {
			await tx
				.update(clientRequest)
				.set({ status: 'answered', answeredAt: now })
				.where(
					and(
						eq(clientRequest.clientId, clientId),
						eq(clientRequest.instrumentId, about.contextId),
						eq(clientRequest.kind, 'instrument_question'),
						eq(clientRequest.status, 'open')
					)
				);
		}
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'message.send',
			detail: { messageId: row!.id }
		});
		await notifications.notifyClient(
			tx,
			clientId,
			{
				kind: 'newMessage',
				params: {},
				link: about ? await answerLink(tx, about) : '/berichten'
			},
			channels
		);
		return { ok: true, messageId: row!.id } as const;
	});
}

/**
 * An answer given elsewhere (the klantmanager accepting an appointment change) is also a
 * message in the conversation, about the same thing; what waited about it is answered.
 */
export async function recordStaffAnswer(
	tx: Tx | Db,
	input: {
		staffId: string;
		clientId: string;
		body: string;
		contextKind: MessageContext;
		contextId: string;
		now?: Date;
	}
): Promise<void> {
	const now = input.now ?? new Date();
	const body = input.body.trim();
	if (body) {
		await tx.insert(message).values({
			clientId: input.clientId,
			authorId: input.staffId,
			fromClient: false,
			body,
			contextKind: input.contextKind,
			contextId: input.contextId,
			createdAt: now
		});
	}
	await tx
		.update(message)
		.set({ answeredAt: now })
		.where(
			and(
				eq(message.clientId, input.clientId),
				eq(message.contextId, input.contextId),
				eq(message.fromClient, true),
				isNull(message.answeredAt)
			)
		);
}

async function answerLink(tx: Tx | Db, about: typeof message.$inferSelect): Promise<string> {
	if (about.contextKind === 'instrument' && about.contextId) {
		const [inst] = await tx
			.select({ code: instrument.code })
			.from(instrument)
			.where(eq(instrument.id, about.contextId));
		if (inst) return `/uitleg/hulp/${inst.code}`;
	}
	return contextLink(about.contextKind, about.contextId);
}
