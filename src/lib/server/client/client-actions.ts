import type { Db } from '../db/open';
import type { ClientAction, ClientActionResult } from '../../actions/schema';
import { once, type Outcome } from './idempotency';
import * as plans from '../plans/plans';
import * as clientRequests from '../appointments/client-requests';
import * as requests from '../instruments/requests';
import * as surveys from '../surveys/surveys';
import * as conversation from '../messages/conversation';
import { client, outflow } from '../db/schema';
import { and, eq } from 'drizzle-orm';

const STATUS: Record<string, number> = {
	not_found: 404,
	not_yours: 403,
	plan_changed: 409,
	note_too_long: 422,
	too_long: 422,
	reason_missing: 422,
	reason_too_long: 422,
	in_past: 422,
	cancelled: 409,
	not_shared: 409,
	already_answered: 409,
	invalid_answer: 422,
	empty: 422,
	message_too_long: 422,
	benefit_ended: 403,
	documents_not_found: 404
};

/**
 * What a client may still do after outflow, while they can read Wegwijs (issue 15): mark what
 * they read, and answer a survey (the outflow itself may invite one, for an instrument it ended).
 */
const AFTER_OUTFLOW = new Set<ClientAction['type']>(['read', 'survey']);

/** The client's current benefit period has an outflow: they left and did not come back. */
async function benefitEnded(db: Db, userId: string): Promise<boolean> {
	const rows = await db
		.select({ id: outflow.id })
		.from(client)
		.innerJoin(
			outflow,
			and(eq(outflow.clientId, client.id), eq(outflow.benefitStart, client.benefitStart))
		)
		.where(eq(client.userId, userId))
		.limit(1);
	return rows.length > 0;
}

/**
 * Applies one client action exactly once per Idempotency-Key. A replay (the offline queue
 * sending again after a lost answer) gets the first answer and changes nothing.
 */
export function applyClientAction(
	db: Db,
	input: { userId: string; key: string; action: ClientAction; now?: Date }
): Promise<Outcome<ClientActionResult>> {
	const { userId, action, now } = input;
	const anonymous = action.type === 'survey';
	// The key is bound to what it asks for: the same key with another action is refused (#14).
	const fingerprint = `client-action ${JSON.stringify(action)}`;
	return once<ClientActionResult>(
		db,
		{ key: input.key, userId, anonymous, fingerprint },
		async (tx) => {
			const result = await (async (): Promise<ClientActionResult> => {
				if (!AFTER_OUTFLOW.has(action.type) && (await benefitEnded(tx, userId)))
					return { ok: false, error: 'benefit_ended' };
				switch (action.type) {
					case 'step':
						return plans.updateOwnStep(tx, { userId, ...action, now });
					case 'agree':
						return plans.agreeToPlan(tx, {
							userId,
							planId: action.planId,
							version: action.version,
							now
						});
					case 'ask':
						return requests.askAboutInstrument(tx, { userId, ...action, now });
					case 'change':
						return clientRequests.requestChange(tx, { userId, ...action, now });
					case 'message':
						return conversation.sendFromClient(tx, { userId, ...action, now });
					case 'read':
						return conversation.markReadByClient(tx, { userId, ...action, now });
					case 'survey':
						return surveys.submitAnswers(tx, { userId, ...action, now });
				}
			})();
			return { status: result.ok ? 200 : (STATUS[result.error] ?? 400), body: result };
		}
	);
}
