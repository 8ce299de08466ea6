import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	client,
	instrument,
	instrumentText,
	instrumentUse,
	type InstrumentOutcome
} from '../db/schema';
import { amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import { afterInstrumentUseEnded } from '../surveys/survey-triggers';

/** Active catalogue instruments that the client's gemeente offers, by Dutch name. */
export async function offeredInstruments(db: Db, clientId: string) {
	return db
		.select({ id: instrument.id, code: instrument.code, name: instrumentText.name })
		.from(instrument)
		.innerJoin(client, eq(client.id, clientId))
		.innerJoin(
			instrumentText,
			and(eq(instrumentText.instrumentId, instrument.id), eq(instrumentText.language, 'nl'))
		)
		.where(
			and(
				eq(instrument.active, true),
				or(
					sql`cardinality(${instrument.gemeenteIds}) = 0`,
					sql`${client.gemeenteId} = any(${instrument.gemeenteIds})`
				)
			)
		)
		.orderBy(asc(instrumentText.name));
}

/** Whether the instrument is active and offered in the client's gemeente. */
export async function isOffered(db: Db, clientId: string, instrumentId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: instrument.id })
		.from(instrument)
		.innerJoin(client, eq(client.id, clientId))
		.where(
			and(
				eq(instrument.id, instrumentId),
				eq(instrument.active, true),
				or(
					sql`cardinality(${instrument.gemeenteIds}) = 0`,
					sql`${client.gemeenteId} = any(${instrument.gemeenteIds})`
				)
			)
		);
	return !!row;
}

export async function usesOfClient(db: Db, clientId: string) {
	return db
		.select({
			id: instrumentUse.id,
			instrumentId: instrumentUse.instrumentId,
			name: instrumentText.name,
			provider: instrumentUse.provider,
			startDate: instrumentUse.startDate,
			plannedEndDate: instrumentUse.plannedEndDate,
			endDate: instrumentUse.endDate,
			outcome: instrumentUse.outcome,
			outcomeReason: instrumentUse.outcomeReason
		})
		.from(instrumentUse)
		.leftJoin(
			instrumentText,
			and(
				eq(instrumentText.instrumentId, instrumentUse.instrumentId),
				eq(instrumentText.language, 'nl')
			)
		)
		.where(eq(instrumentUse.clientId, clientId))
		.orderBy(desc(instrumentUse.startDate));
}

export type UseError =
	| 'not_offered'
	| 'end_before_start'
	| 'in_future'
	| 'not_found'
	| 'already_ended'
	| 'reason_missing'
	| 'after_outflow';

/** Registers that a client starts (or started) with an instrument from the catalogue. */
export async function registerUse(
	db: Db,
	staff: Staff,
	input: {
		clientId: string;
		instrumentId: string;
		startDate: string;
		plannedEndDate?: string | null;
		provider?: string | null;
	}
): Promise<{ ok: true; id: string } | { ok: false; error: UseError; field: string }> {
	await requireInCaseload(db, staff, input.clientId);
	if (!(await isOffered(db, input.clientId, input.instrumentId)))
		return { ok: false, error: 'not_offered', field: 'instrumentId' };
	if (input.plannedEndDate && input.plannedEndDate < input.startDate)
		return { ok: false, error: 'end_before_start', field: 'plannedEndDate' };
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(instrumentUse)
			.values({
				clientId: input.clientId,
				instrumentId: input.instrumentId,
				startDate: input.startDate,
				plannedEndDate: input.plannedEndDate ?? null,
				provider: input.provider?.trim() || null,
				createdBy: staff.id
			})
			.returning({ id: instrumentUse.id });
		await audit.record(tx, {
			actorId: staff.id,
			clientId: input.clientId,
			action: 'instrument_use.create',
			detail: { instrumentUseId: row!.id, instrumentId: input.instrumentId }
		});
		return { ok: true, id: row!.id } as const;
	});
}

/**
 * Ends an instrument use with its outcome. The end date is on or after the start and not in
 * the future; "stopped early" and "other" need a reason. The survey module may then invite.
 */
export async function endUse(
	db: Db,
	staff: Staff,
	input: {
		clientId: string;
		useId: string;
		endDate: string;
		outcome: InstrumentOutcome;
		reason?: string | null;
	},
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: UseError; field: string }> {
	await requireInCaseload(db, staff, input.clientId);
	const reason = input.reason?.trim() || null;
	if ((input.outcome === 'stopped_early' || input.outcome === 'other') && !reason)
		return { ok: false, error: 'reason_missing', field: 'reason' };
	if (input.endDate > amsterdamDay(now)) return { ok: false, error: 'in_future', field: 'endDate' };
	return db.transaction(async (tx) => {
		const [use] = await tx
			.select()
			.from(instrumentUse)
			.where(and(eq(instrumentUse.id, input.useId), eq(instrumentUse.clientId, input.clientId)));
		if (!use) return { ok: false, error: 'not_found', field: 'useId' } as const;
		if (use.endDate) return { ok: false, error: 'already_ended', field: 'useId' } as const;
		if (input.endDate < use.startDate)
			return { ok: false, error: 'end_before_start', field: 'endDate' } as const;
		const updated = await tx
			.update(instrumentUse)
			.set({ endDate: input.endDate, outcome: input.outcome, outcomeReason: reason })
			.where(and(eq(instrumentUse.id, use.id), isNull(instrumentUse.endDate)))
			.returning({ id: instrumentUse.id });
		if (updated.length === 0) return { ok: false, error: 'already_ended', field: 'useId' } as const;
		await audit.record(tx, {
			actorId: staff.id,
			clientId: input.clientId,
			action: 'instrument_use.end',
			detail: { instrumentUseId: use.id, outcome: input.outcome }
		});
		await afterInstrumentUseEnded(tx, use.id, now);
		return { ok: true } as const;
	});
}
