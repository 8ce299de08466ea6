import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { appointment, client, clientRequest, user } from '../db/schema';
import { recordStaffAnswer } from '../messages/conversation';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import * as notifications from '../notifications/notifications';
import { afterAppointmentHeld } from '../surveys/survey-triggers';

// The klantmanager's side: planning, moving, cancelling, and marking an appointment held.

export const PURPOSE_MAX = 300;

export interface AppointmentInput {
	startsAt: Date;
	endsAt: Date;
	kind: 'in_person' | 'phone' | 'video' | 'home_visit';
	place?: string | null;
	videoUrl?: string | null;
	purpose: string;
	bring?: string | null;
}

export interface Overlap {
	id: string;
	startsAt: string;
	endsAt: string;
	clientName: string;
}

/** Planned appointments of one staff member that overlap a period (touching is fine). */
export async function overlapsFor(
	db: Db,
	staffId: string,
	period: { startsAt: Date; endsAt: Date },
	excludeId?: string
): Promise<Overlap[]> {
	const rows = await db
		.select({
			id: appointment.id,
			startsAt: appointment.startsAt,
			endsAt: appointment.endsAt,
			clientName: user.displayName
		})
		.from(appointment)
		.innerJoin(client, eq(client.id, appointment.clientId))
		.innerJoin(user, eq(user.id, client.userId))
		.where(
			and(
				eq(appointment.staffId, staffId),
				eq(appointment.status, 'planned'),
				lt(appointment.startsAt, period.endsAt),
				gt(appointment.endsAt, period.startsAt),
				excludeId ? ne(appointment.id, excludeId) : undefined
			)
		)
		.orderBy(asc(appointment.startsAt));
	return rows.map((r) => ({
		...r,
		startsAt: r.startsAt.toISOString(),
		endsAt: r.endsAt.toISOString()
	}));
}

export type PlanError =
	'end_before_start' | 'in_past' | 'double_booked' | 'not_found' | 'not_planned';

type PlanResult =
	| { ok: true; id: string }
	| { ok: false; error: Exclude<PlanError, 'double_booked'> }
	| { ok: false; error: 'double_booked'; overlaps: Overlap[] };

function checkPeriod(input: { startsAt: Date; endsAt: Date }, now: Date) {
	if (input.endsAt.getTime() <= input.startsAt.getTime()) return 'end_before_start' as const;
	if (input.startsAt.getTime() < now.getTime()) return 'in_past' as const;
	return null;
}

/** Plans an appointment with the client; refused when the klantmanager is booked then. */
export async function planAppointment(
	db: Db,
	staff: Staff,
	clientId: string,
	input: AppointmentInput,
	now = new Date()
): Promise<PlanResult> {
	await requireInCaseload(db, staff, clientId);
	const bad = checkPeriod(input, now);
	if (bad) return { ok: false, error: bad };
	return transaction(db, async (tx) => {
		// One staff member's bookings are checked one at a time, so two tabs cannot both win.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${staff.id}))`);
		const overlaps = await overlapsFor(tx, staff.id, input);
		if (overlaps.length) return { ok: false, error: 'double_booked', overlaps } as const;
		const [row] = await tx
			.insert(appointment)
			.values({
				clientId,
				staffId: staff.id,
				startsAt: input.startsAt,
				endsAt: input.endsAt,
				kind: input.kind,
				place: input.place?.trim() || null,
				videoUrl: input.videoUrl?.trim() || null,
				purpose: input.purpose.trim(),
				bring: input.bring?.trim() || null
			})
			.returning({ id: appointment.id });
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'appointment.create',
			detail: { appointmentId: row!.id }
		});
		await notifications.notifyClient(tx, clientId, {
			kind: 'appointmentPlanned',
			params: { when: input.startsAt.toISOString() },
			link: `/afspraken/${row!.id}`
		});
		return { ok: true, id: row!.id } as const;
	});
}

async function ownAppointment(tx: Db, clientId: string, appointmentId: string) {
	const [row] = await tx
		.select()
		.from(appointment)
		.where(and(eq(appointment.id, appointmentId), eq(appointment.clientId, clientId)))
		.for('update');
	return row ?? null;
}

/**
 * Moves an appointment to another time. An open change request of the client is answered
 * as accepted, and the client is told the new time.
 */
export async function moveAppointment(
	db: Db,
	staff: Staff,
	clientId: string,
	appointmentId: string,
	period: { startsAt: Date; endsAt: Date },
	now = new Date()
): Promise<PlanResult> {
	await requireInCaseload(db, staff, clientId);
	const bad = checkPeriod(period, now);
	if (bad) return { ok: false, error: bad };
	return transaction(db, async (tx) => {
		const current = await ownAppointment(tx, clientId, appointmentId);
		if (!current) return { ok: false, error: 'not_found' } as const;
		if (current.status !== 'planned') return { ok: false, error: 'not_planned' } as const;
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${current.staffId}))`);
		const overlaps = await overlapsFor(tx, current.staffId, period, appointmentId);
		if (overlaps.length) return { ok: false, error: 'double_booked', overlaps } as const;
		await tx
			.update(appointment)
			.set({ startsAt: period.startsAt, endsAt: period.endsAt })
			.where(eq(appointment.id, appointmentId));
		await closeChangeRequest(tx, staff, clientId, appointmentId, now);
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'appointment.update',
			detail: {
				appointmentId,
				from: current.startsAt.toISOString(),
				to: period.startsAt.toISOString()
			}
		});
		await notifications.notifyClient(tx, clientId, {
			kind: 'appointmentMoved',
			params: { when: period.startsAt.toISOString() },
			link: `/afspraken/${appointmentId}`
		});
		return { ok: true, id: appointmentId } as const;
	});
}

/**
 * Moving or cancelling an appointment answers the client's open change request (accepted), and
 * what the client wrote about it is answered too: it no longer waits in the conversation or
 * counts as new in the caseload.
 */
async function closeChangeRequest(
	tx: Db,
	staff: Staff,
	clientId: string,
	appointmentId: string,
	now: Date
): Promise<void> {
	const closed = await tx
		.update(clientRequest)
		.set({ status: 'accepted', answeredAt: now })
		.where(and(eq(clientRequest.appointmentId, appointmentId), eq(clientRequest.status, 'open')))
		.returning({ id: clientRequest.id });
	if (closed.length === 0) return;
	await recordStaffAnswer(tx, {
		staffId: staff.id,
		clientId,
		body: '',
		contextKind: 'appointment',
		contextId: appointmentId,
		now
	});
}

/** Cancels a planned appointment; the client is told. */
export async function cancelAppointment(
	db: Db,
	staff: Staff,
	clientId: string,
	appointmentId: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_planned' }> {
	await requireInCaseload(db, staff, clientId);
	return transaction(db, async (tx) => {
		const current = await ownAppointment(tx, clientId, appointmentId);
		if (!current) return { ok: false, error: 'not_found' } as const;
		if (current.status !== 'planned') return { ok: false, error: 'not_planned' } as const;
		await tx
			.update(appointment)
			.set({ status: 'cancelled' })
			.where(eq(appointment.id, appointmentId));
		await closeChangeRequest(tx, staff, clientId, appointmentId, now);
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'appointment.cancel',
			detail: { appointmentId }
		});
		await notifications.notifyClient(tx, clientId, {
			kind: 'appointmentCancelled',
			params: { when: current.startsAt.toISOString() },
			link: `/afspraken/${appointmentId}`
		});
		return { ok: true } as const;
	});
}

/** Marks an appointment as held (it has started); the survey module may then invite. */
export async function markHeld(
	db: Db,
	staff: Staff,
	clientId: string,
	appointmentId: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_planned' | 'in_future' }> {
	await requireInCaseload(db, staff, clientId);
	return transaction(db, async (tx) => {
		const current = await ownAppointment(tx, clientId, appointmentId);
		if (!current) return { ok: false, error: 'not_found' } as const;
		if (current.status !== 'planned') return { ok: false, error: 'not_planned' } as const;
		if (current.startsAt.getTime() > now.getTime())
			return { ok: false, error: 'in_future' } as const;
		await tx.update(appointment).set({ status: 'held' }).where(eq(appointment.id, appointmentId));
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'appointment.held',
			detail: { appointmentId }
		});
		await afterAppointmentHeld(tx, appointmentId, now);
		return { ok: true } as const;
	});
}
