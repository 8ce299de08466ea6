import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { client, type Segment } from '../db/schema';
import * as audit from '../audit/audit';
import { AccessDenied, requireInCaseload, type Staff } from './caseload';

// The klantmanager re-classifies a client (issue #13): werk, perspectief or meedoen. Only the
// client's klantmanager or their team lead (the caseload check). The database trigger on
// client.segment writes segment_history from today on, so the council report's "segment as it
// was" keeps the old segment for the days before and shows the new one from the change on.

export type SegmentError = 'same';

export async function setSegment(
	db: Db,
	staff: Staff,
	input: { clientId: string; segment: Segment }
): Promise<{ ok: true } | { ok: false; error: SegmentError }> {
	await requireInCaseload(db, staff, input.clientId);
	return transaction(db, async (tx) => {
		const [row] = await tx
			.select({ segment: client.segment })
			.from(client)
			.where(eq(client.id, input.clientId))
			.for('update');
		if (!row) throw new AccessDenied();
		if (row.segment === input.segment) return { ok: false, error: 'same' } as const;
		await tx.update(client).set({ segment: input.segment }).where(eq(client.id, input.clientId));
		await audit.record(tx, {
			actorId: staff.id,
			clientId: input.clientId,
			action: 'client.segment',
			detail: { from: row.segment, to: input.segment }
		});
		return { ok: true } as const;
	});
}
