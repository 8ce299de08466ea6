import type { Db } from '../db/open';
import { auditEvent } from '../db/schema';

export type AuditAction =
	| 'client.read'
	| 'client.denied'
	| 'client.update'
	| 'plan.create'
	| 'plan.update'
	| 'plan.share'
	| 'appointment.create'
	| 'appointment.update'
	| 'instrument_use.create'
	| 'instrument_use.end'
	| 'outflow.create'
	| 'activation.create'
	| 'client.move';

/** Who read or changed which client's data, and when. */
export async function record(
	db: Db,
	event: {
		actorId: string;
		clientId: string | null;
		action: AuditAction;
		detail?: Record<string, unknown>;
	}
): Promise<void> {
	await db.insert(auditEvent).values(event);
}
