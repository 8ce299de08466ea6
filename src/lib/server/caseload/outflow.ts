import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, instrumentUse, outflow, type OutflowReason } from '../db/schema';
import { amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from './caseload';
import { afterInstrumentUseEnded } from '../surveys/survey-triggers';

export type OutflowError = 'already_registered' | 'before_benefit_start' | 'in_future';

export async function outflowOfClient(db: Db, clientId: string) {
	return db
		.select({
			id: outflow.id,
			date: outflow.date,
			reason: outflow.reason,
			benefitStart: outflow.benefitStart
		})
		.from(outflow)
		.where(eq(outflow.clientId, clientId))
		.orderBy(desc(outflow.date));
}

/**
 * Registers that a client left the benefit (uitstroom). Counted once per benefit period, on a
 * date inside that period and not in the future. Instrument uses still running end on that
 * date: "work found" when the client left for work, else "other".
 */
export async function registerOutflow(
	db: Db,
	staff: Staff,
	input: { clientId: string; date: string; reason: OutflowReason },
	now = new Date()
): Promise<{ ok: true; endedUses: number } | { ok: false; error: OutflowError }> {
	await requireInCaseload(db, staff, input.clientId);
	if (input.date > amsterdamDay(now)) return { ok: false, error: 'in_future' };
	return db.transaction(async (tx) => {
		const [c] = await tx
			.select({ benefitStart: client.benefitStart })
			.from(client)
			.where(eq(client.id, input.clientId));
		if (!c) return { ok: false, error: 'already_registered' } as const;
		if (input.date < c.benefitStart) return { ok: false, error: 'before_benefit_start' } as const;
		const inserted = await tx
			.insert(outflow)
			.values({
				clientId: input.clientId,
				benefitStart: c.benefitStart,
				date: input.date,
				reason: input.reason,
				createdBy: staff.id
			})
			.onConflictDoNothing()
			.returning({ id: outflow.id });
		if (inserted.length === 0) return { ok: false, error: 'already_registered' } as const;
		const forWork = input.reason === 'werk' || input.reason === 'werk_lks';
		const ended = await tx
			.update(instrumentUse)
			.set({
				// A use that was to start after the outflow date ends on its own start date.
				endDate: sql`greatest(${instrumentUse.startDate}, ${input.date}::date)`,
				outcome: forWork ? 'work_found' : 'other',
				outcomeReason: forWork ? null : `uitstroom: ${input.reason}`
			})
			.where(and(eq(instrumentUse.clientId, input.clientId), isNull(instrumentUse.endDate)))
			.returning({ id: instrumentUse.id, startDate: instrumentUse.startDate });
		await audit.record(tx, {
			actorId: staff.id,
			clientId: input.clientId,
			action: 'outflow.create',
			detail: { outflowId: inserted[0]!.id, reason: input.reason, endedUses: ended.length }
		});
		for (const use of ended) await afterInstrumentUseEnded(tx, use.id, now);
		return { ok: true, endedUses: ended.length } as const;
	});
}
