import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import {
	appointment,
	benefitPeriod,
	client,
	instrument,
	instrumentUse,
	INSTRUMENT_OUTCOMES,
	outflow,
	OUTFLOW_REASONS,
	plan,
	session,
	setting,
	user,
	type InstrumentOutcome,
	type OutflowReason
} from '../db/schema';
import { addDays, amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import * as notifications from '../notifications/notifications';
import { requireInCaseload, type Staff } from './caseload';
import { afterInstrumentUseEnded } from '../surveys/survey-triggers';
import { recordReentry } from './reentry';

/** For the routes, which may not import db/ (layer rule). */
export const OUTFLOW_REASON_LIST = OUTFLOW_REASONS;
export const OUTCOME_LIST = INSTRUMENT_OUTCOMES;

export type OutflowError =
	'already_registered' | 'before_benefit_start' | 'in_future' | 'outcome_missing';

/** Days a client who left keeps read access to Wegwijs before the account closes. */
export const READ_DAYS_DEFAULT = 90;
const READ_DAYS = 'outflow.readDays';
export const readDaysSchema = z.coerce.number().int().min(0).max(730);

export async function readDays(db: Db): Promise<number> {
	const [row] = await db.select().from(setting).where(eq(setting.key, READ_DAYS));
	const parsed = readDaysSchema.safeParse(row?.value);
	return parsed.success ? parsed.data : READ_DAYS_DEFAULT;
}

export async function setReadDays(db: Db, days: number, adminId: string): Promise<void> {
	const value = readDaysSchema.parse(days);
	await db
		.insert(setting)
		.values({ key: READ_DAYS, value, updatedBy: adminId })
		.onConflictDoUpdate({
			target: setting.key,
			set: { value, updatedBy: adminId, updatedAt: new Date() }
		});
}

/**
 * The outcome the form proposes for a running instrument use, from why the client left. Only
 * a proposal: the klantmanager confirms or changes it for each use, so leaving for another
 * benefit or a move never counts as "work found".
 */
export function defaultOutcome(reason: OutflowReason): InstrumentOutcome {
	if (reason === 'werk' || reason === 'werk_lks') return 'work_found';
	if (reason === 'other') return 'other';
	return 'stopped_early';
}

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

/** The client's benefit periods, oldest first, each with its outflow when it has one. */
export async function periodsOfClient(db: Db, clientId: string) {
	return db
		.select({
			start: benefitPeriod.start,
			source: benefitPeriod.source,
			outflowDate: outflow.date,
			outflowReason: outflow.reason
		})
		.from(benefitPeriod)
		.leftJoin(
			outflow,
			and(
				eq(outflow.clientId, benefitPeriod.clientId),
				eq(outflow.benefitStart, benefitPeriod.start)
			)
		)
		.where(eq(benefitPeriod.clientId, clientId))
		.orderBy(asc(benefitPeriod.start));
}

/** Instrument uses still running on `date` (started on or before it, not ended). */
export async function usesRunningOn(db: Db, clientId: string, date: string) {
	return db
		.select({
			id: instrumentUse.id,
			code: instrument.code,
			startDate: instrumentUse.startDate
		})
		.from(instrumentUse)
		.innerJoin(instrument, eq(instrument.id, instrumentUse.instrumentId))
		.where(
			and(
				eq(instrumentUse.clientId, clientId),
				isNull(instrumentUse.endDate),
				lte(instrumentUse.startDate, date)
			)
		)
		.orderBy(asc(instrumentUse.startDate));
}

export type OutflowResult =
	| {
			ok: true;
			endedUses: number;
			closedPlans: number;
			cancelledAppointments: number;
			readUntil: string;
	  }
	| { ok: false; error: OutflowError; useId?: string };

/**
 * Registers that a client left the benefit (uitstroom), once per benefit period, on a date
 * inside that period and not in the future. In one transaction: the instrument uses running on
 * that date end on it with the outcome the klantmanager chose for each (uses that had not
 * started yet stay as they are); open plans close; planned appointments still to come are
 * cancelled, each with a notice; the client is told in their language until when they can
 * read Wegwijs. They leave the active caseload (a filter shows them).
 */
export async function registerOutflow(
	db: Db,
	staff: Staff,
	input: {
		clientId: string;
		date: string;
		reason: OutflowReason;
		outcomes: Record<string, InstrumentOutcome>;
	},
	now = new Date()
): Promise<OutflowResult> {
	await requireInCaseload(db, staff, input.clientId);
	return applyOutflow(db, staff.id, input, now);
}

/**
 * The outflow itself, for a caller whose access is already checked: a klantmanager through
 * registerOutflow, or the sync API for a client of its key's gemeente (actor: the key).
 */
export async function applyOutflow(
	db: Db,
	actorId: string,
	input: {
		clientId: string;
		date: string;
		reason: OutflowReason;
		outcomes: Record<string, InstrumentOutcome>;
	},
	now = new Date()
): Promise<OutflowResult> {
	if (input.date > amsterdamDay(now)) return { ok: false, error: 'in_future' };
	const days = await readDays(db);
	return transaction(db, (tx) => recordOutflow(tx, actorId, input, now, days));
}

/**
 * The writes of `registerOutflow` inside the caller's transaction, for a caller that checked
 * access itself (the import of the benefit system's outflow file). `days`: the read period.
 */
export async function recordOutflow(
	tx: Db,
	actorId: string,
	input: {
		clientId: string;
		date: string;
		reason: OutflowReason;
		outcomes: Record<string, InstrumentOutcome>;
	},
	now: Date,
	days: number
): Promise<OutflowResult> {
	const [c] = await tx
		.select({ benefitStart: client.benefitStart, userId: client.userId })
		.from(client)
		.where(eq(client.id, input.clientId));
	if (!c) return { ok: false, error: 'already_registered' };
	if (input.date < c.benefitStart) return { ok: false, error: 'before_benefit_start' };
	const running = await usesRunningOn(tx, input.clientId, input.date);
	const missing = running.find((u) => !input.outcomes[u.id]);
	if (missing) return { ok: false, error: 'outcome_missing', useId: missing.id };
	const inserted = await tx
		.insert(outflow)
		.values({
			clientId: input.clientId,
			benefitStart: c.benefitStart,
			date: input.date,
			reason: input.reason,
			createdBy: actorId
		})
		.onConflictDoNothing()
		.returning({ id: outflow.id });
	if (inserted.length === 0) return { ok: false, error: 'already_registered' };
	for (const use of running) {
		const outcome = input.outcomes[use.id]!;
		await tx
			.update(instrumentUse)
			.set({
				endDate: input.date,
				outcome,
				outcomeReason: `uitstroom: ${input.reason}`
			})
			.where(eq(instrumentUse.id, use.id));
	}
	const closed = await tx
		.update(plan)
		.set({ status: 'closed', updatedAt: now })
		.where(and(eq(plan.clientId, input.clientId), ne(plan.status, 'closed')))
		.returning({ id: plan.id });
	const cancelled = await tx
		.update(appointment)
		.set({ status: 'cancelled' })
		.where(
			and(
				eq(appointment.clientId, input.clientId),
				eq(appointment.status, 'planned'),
				gt(appointment.startsAt, now)
			)
		)
		.returning({ startsAt: appointment.startsAt });
	for (const a of cancelled)
		await notifications.notify(tx, c.userId, {
			kind: 'appointmentCancelled',
			params: { when: a.startsAt.toISOString() },
			link: '/afspraken'
		});
	const readUntil = addDays(amsterdamDay(now), days);
	await notifications.notify(tx, c.userId, {
		kind: 'benefitEnded',
		params: { date: input.date, until: readUntil },
		link: '/profiel'
	});
	await audit.record(tx, {
		actorId,
		clientId: input.clientId,
		action: 'outflow.create',
		detail: {
			outflowId: inserted[0]!.id,
			reason: input.reason,
			endedUses: running.length,
			outcomes: running.map((u) => input.outcomes[u.id]),
			closedPlans: closed.length,
			cancelledAppointments: cancelled.length
		}
	});
	for (const use of running) await afterInstrumentUseEnded(tx, use.id, now);
	return {
		ok: true,
		endedUses: running.length,
		closedPlans: closed.length,
		cancelledAppointments: cancelled.length,
		readUntil
	};
}

export type ReentryError = 'not_left' | 'before_outflow' | 'in_future';

/**
 * A client who left comes back: a new benefit period starting after the last outflow, so the
 * earlier period with its outflow, plans and instrument uses stays as it was and the return
 * counts as herinstroom. A closed account opens again (the client activates with a new letter).
 */
export async function registerReentry(
	db: Db,
	staff: Staff,
	input: { clientId: string; benefitStart: string },
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: ReentryError }> {
	await requireInCaseload(db, staff, input.clientId);
	if (input.benefitStart > addDays(amsterdamDay(now), 31)) return { ok: false, error: 'in_future' };
	return transaction(db, async (tx) => {
		const [c] = await tx
			.select({ benefitStart: client.benefitStart, userId: client.userId })
			.from(client)
			.where(eq(client.id, input.clientId));
		if (!c) return { ok: false, error: 'not_left' } as const;
		const [out] = await tx
			.select({ date: outflow.date })
			.from(outflow)
			.where(and(eq(outflow.clientId, input.clientId), eq(outflow.benefitStart, c.benefitStart)));
		if (!out) return { ok: false, error: 'not_left' } as const;
		if (input.benefitStart <= out.date) return { ok: false, error: 'before_outflow' } as const;
		await recordReentry(tx, staff.id, {
			clientId: input.clientId,
			userId: c.userId,
			previousStart: c.benefitStart,
			benefitStart: input.benefitStart
		});
		return { ok: true } as const;
	});
}

/** Re-entries (herinstroom): new benefit periods of clients who had left, started in [from, to]. */
export async function countReentries(db: Db, from: string, to: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(benefitPeriod)
		.where(
			and(
				eq(benefitPeriod.source, 'reentry'),
				sql`${benefitPeriod.start} between ${from}::date and ${to}::date`
			)
		);
	return row?.n ?? 0;
}

/**
 * Closes the accounts of clients whose read period after outflow is over: signed out
 * everywhere and unable to sign in, their data kept (retention decides when it goes). Runs
 * daily; a second run closes nothing twice.
 */
export async function closeAccountsAfterOutflow(db: Db, now = new Date()): Promise<number> {
	const days = await readDays(db);
	const lastOpenDay = addDays(amsterdamDay(now), -days);
	return transaction(db, async (tx) => {
		const due = await tx
			.select({ clientId: client.id, userId: client.userId })
			.from(client)
			.innerJoin(user, eq(user.id, client.userId))
			.innerJoin(
				outflow,
				and(eq(outflow.clientId, client.id), eq(outflow.benefitStart, client.benefitStart))
			)
			.where(
				and(
					isNull(user.disabledAt),
					sql`(${outflow.createdAt} at time zone 'Europe/Amsterdam')::date < ${lastOpenDay}::date`
				)
			);
		if (due.length === 0) return 0;
		const userIds = due.map((d) => d.userId);
		await tx.update(user).set({ disabledAt: now }).where(inArray(user.id, userIds));
		await tx.delete(session).where(inArray(session.userId, userIds));
		for (const d of due)
			await audit.record(tx, {
				actorId: null,
				clientId: d.clientId,
				action: 'client.close',
				detail: { readDays: days }
			});
		return due.length;
	});
}
