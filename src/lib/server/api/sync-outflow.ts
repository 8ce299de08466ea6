import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, outflow } from '../db/schema';
import { applyOutflow, usesRunningOn } from '../caseload/outflow';
import type { ApiCaller } from './keys';
import type { SyncOutflowBody } from './schemas';

export type SyncOutflowResult =
	| {
			ok: true;
			status: 'created' | 'unchanged';
			endedUses: number;
			closedPlans: number;
			cancelledAppointments: number;
	  }
	| {
			ok: false;
			/** not_found: no client with this number in the key's gemeente (another's is not told apart). */
			error:
				| 'not_found'
				| 'outcome_missing'
				| 'already_registered'
				| 'before_benefit_start'
				| 'in_future';
	  };

/**
 * POST /api/v1/outflow: the benefit system says a client left. The same rules as the
 * klantmanager's outflow (caseload/outflow.ts). Sent twice, the second call finds the same
 * outflow (same period, date and reason) and answers "unchanged"; a different one is refused.
 */
export async function syncOutflow(
	db: Db,
	caller: ApiCaller,
	body: SyncOutflowBody,
	now = new Date()
): Promise<SyncOutflowResult> {
	const [c] = await db
		.select({ id: client.id, benefitStart: client.benefitStart })
		.from(client)
		.where(
			and(
				eq(sql`lower(${client.clientNumber})`, body.clientNumber.toLowerCase()),
				eq(client.gemeenteId, caller.gemeenteId)
			)
		);
	if (!c) return { ok: false, error: 'not_found' };
	const [existing] = await db
		.select({ date: outflow.date, reason: outflow.reason })
		.from(outflow)
		.where(and(eq(outflow.clientId, c.id), eq(outflow.benefitStart, c.benefitStart)));
	if (existing) {
		if (existing.date === body.date && existing.reason === body.reason)
			return {
				ok: true,
				status: 'unchanged',
				endedUses: 0,
				closedPlans: 0,
				cancelledAppointments: 0
			};
		return { ok: false, error: 'already_registered' };
	}
	const running = await usesRunningOn(db, c.id, body.date);
	if (running.length && !body.outcome) return { ok: false, error: 'outcome_missing' };
	const outcomes = Object.fromEntries(running.map((u) => [u.id, body.outcome!]));
	const r = await applyOutflow(
		db,
		caller.actorId,
		{ clientId: c.id, date: body.date, reason: body.reason, outcomes },
		now
	);
	if (!r.ok) {
		// A use that started between the look and the write: ask again, nothing was written.
		return { ok: false, error: r.error };
	}
	return {
		ok: true,
		status: 'created',
		endedUses: r.endedUses,
		closedPlans: r.closedPlans,
		cancelledAppointments: r.cancelledAppointments
	};
}
