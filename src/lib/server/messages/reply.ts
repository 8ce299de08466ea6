import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
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

export type ReplyError =
	'empty' | 'message_too_long' | 'not_found' | 'decision_missing' | 'no_open_request';

/** What an answer to an appointment change request does with it; `open`: not decided yet. */
export const DECISIONS = ['accepted', 'declined', 'open'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * A klantmanager, team lead or stand-in answers. The answer takes the context of the message
 * it replies to (so it shows where the client asked); every waiting client message is now
 * answered (the time to a first answer is kept), an open question about that instrument is
 * closed, and the client is told, without the text, that there is a new message.
 *
 * An answer to a message about an appointment with an open change request says what happens
 * with the request (`decision`, required): accepted or declined closes it (the client sees it
 * on the appointment and is told their request was answered), `open` answers but leaves it
 * open. A decision where no request is open (any more) is refused and nothing is sent.
 */
export async function reply(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { body: string; replyTo?: string | null; decision?: Decision | null },
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
		// Locked, so a colleague answering the same request at the same moment waits and then
		// finds it decided.
		const [request] =
			about?.contextKind === 'appointment' && about.contextId
				? await tx
						.select({ id: clientRequest.id })
						.from(clientRequest)
						.where(
							and(
								eq(clientRequest.clientId, clientId),
								eq(clientRequest.appointmentId, about.contextId),
								eq(clientRequest.kind, 'appointment_change'),
								eq(clientRequest.status, 'open')
							)
						)
						.for('update')
				: [];
		if (request && !input.decision) return { ok: false, error: 'decision_missing' } as const;
		const decided =
			input.decision === 'accepted' || input.decision === 'declined' ? input.decision : null;
		if (decided && !request) return { ok: false, error: 'no_open_request' } as const;
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
		if (decided && request) {
			await tx
				.update(clientRequest)
				.set({ status: decided, answeredAt: now })
				.where(eq(clientRequest.id, request.id));
			await audit.record(tx, {
				actorId: staff.id,
				clientId,
				action: 'request.answer',
				detail: { requestId: request.id, status: decided }
			});
		}
		// One notice: "your request was answered" (on the appointment) or "a new message".
		await notifications.notifyClient(
			tx,
			clientId,
			decided
				? { kind: 'requestAnswered', params: {}, link: `/afspraken/${about!.contextId}` }
				: {
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
 * message in the conversation, about the same thing; what waited about it is answered and
 * read. Without a text (an appointment moved or cancelled) no message is added.
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
	// Answered is also read: it no longer counts as new for the klantmanager.
	await tx
		.update(message)
		.set({
			answeredAt: sql`coalesce(${message.answeredAt}, ${now.toISOString()}::timestamptz)`,
			readAt: sql`coalesce(${message.readAt}, ${now.toISOString()}::timestamptz)`
		})
		.where(
			and(
				eq(message.clientId, input.clientId),
				eq(message.contextId, input.contextId),
				eq(message.fromClient, true),
				or(isNull(message.answeredAt), isNull(message.readAt))
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
