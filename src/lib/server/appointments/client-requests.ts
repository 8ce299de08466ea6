import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { appointment, client, clientRequest } from '../db/schema';
import { insertClientMessage, recordStaffAnswer } from '../messages/conversation';
import type { Tx } from '../client/idempotency';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import * as notifications from '../notifications/notifications';

// A client's request about an appointment ("Ik kan niet", "Ander tijdstip") and the
// klantmanager's answer to any request (an appointment change or a question about help).

export const REASON_MAX = 500;

export type ChangeRequestError =
	'not_found' | 'in_past' | 'cancelled' | 'reason_missing' | 'reason_too_long';

/**
 * "Ik kan niet" or "Ander tijdstip" with a reason. One open request per appointment: a
 * second tap while one is open changes nothing.
 */
export async function requestChange(
	tx: Tx,
	input: {
		userId: string;
		appointmentId: string;
		kind: 'cannot_come' | 'other_time';
		reason: string;
		now?: Date;
	}
): Promise<{ ok: true; requestId: string } | { ok: false; error: ChangeRequestError }> {
	const reason = input.reason.trim();
	if (!reason) return { ok: false, error: 'reason_missing' };
	if ([...reason].length > REASON_MAX) return { ok: false, error: 'reason_too_long' };
	const [row] = await tx
		.select({
			id: appointment.id,
			clientId: client.id,
			startsAt: appointment.startsAt,
			status: appointment.status
		})
		.from(appointment)
		.innerJoin(client, eq(client.id, appointment.clientId))
		.where(and(eq(appointment.id, input.appointmentId), eq(client.userId, input.userId)));
	if (!row) return { ok: false, error: 'not_found' };
	if (row.status === 'cancelled') return { ok: false, error: 'cancelled' };
	if (row.startsAt.getTime() <= (input.now ?? new Date()).getTime()) {
		return { ok: false, error: 'in_past' };
	}
	const [open] = await tx
		.select({ id: clientRequest.id })
		.from(clientRequest)
		.where(and(eq(clientRequest.appointmentId, row.id), eq(clientRequest.status, 'open')));
	if (open) return { ok: true, requestId: open.id };
	// The request is the message (with the appointment as its context and the kind as its
	// intent); the request row keeps only whether it is decided, not a copy of the reason.
	const now = input.now ?? new Date();
	const [created] = await tx
		.insert(clientRequest)
		.values({
			clientId: row.clientId,
			kind: 'appointment_change',
			appointmentId: row.id,
			createdAt: now
		})
		.returning({ id: clientRequest.id });
	await insertClientMessage(tx, {
		clientId: row.clientId,
		userId: input.userId,
		body: reason,
		contextKind: 'appointment',
		contextId: row.id,
		intent: input.kind,
		now
	});
	return { ok: true, requestId: created!.id };
}

export const ANSWER_MAX = 1000;

/** Answers a client's request (an appointment change or a question about help). */
export async function answerRequest(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { requestId: string; status: 'accepted' | 'declined' | 'answered'; answer: string },
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_open' }> {
	await requireInCaseload(db, staff, clientId);
	return transaction(db, async (tx) => {
		const updated = await tx
			.update(clientRequest)
			// The answer itself is a message (below), not a copy here.
			.set({ status: input.status, answeredAt: now })
			.where(
				and(
					eq(clientRequest.id, input.requestId),
					eq(clientRequest.clientId, clientId),
					eq(clientRequest.status, 'open')
				)
			)
			.returning({
				id: clientRequest.id,
				appointmentId: clientRequest.appointmentId,
				instrumentId: clientRequest.instrumentId
			});
		if (updated.length === 0) {
			const [exists] = await tx
				.select({ id: clientRequest.id })
				.from(clientRequest)
				.where(and(eq(clientRequest.id, input.requestId), eq(clientRequest.clientId, clientId)));
			return { ok: false, error: exists ? 'not_open' : 'not_found' } as const;
		}
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'request.answer',
			detail: { requestId: input.requestId, status: input.status }
		});
		// The answer is a message about what was asked: it shows in the conversation and where
		// the client asked (the appointment, the instrument's page).
		const { appointmentId, instrumentId } = updated[0]!;
		if (appointmentId || instrumentId) {
			await recordStaffAnswer(tx, {
				staffId: staff.id,
				clientId,
				body: input.answer,
				contextKind: appointmentId ? 'appointment' : 'instrument',
				contextId: (appointmentId ?? instrumentId)!,
				now
			});
		}
		await notifications.notifyClient(tx, clientId, {
			kind: 'requestAnswered',
			params: {},
			link: appointmentId ? `/afspraken/${appointmentId}` : '/berichten'
		});
		return { ok: true } as const;
	});
}
