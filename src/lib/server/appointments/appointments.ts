import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { createEvent, type DateArray } from 'ics';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { appointment, client, clientRequest, user } from '../db/schema';
import { insertClientMessage, recordStaffAnswer } from '../messages/conversation';
import type { Tx } from '../client/idempotency';
import { isSafeVideoLink } from './video-link';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import * as notifications from '../notifications/notifications';
import { afterAppointmentHeld } from '../surveys/survey-triggers';

export const REASON_MAX = 500;

export interface AppointmentView {
	id: string;
	startsAt: string;
	endsAt: string;
	kind: 'in_person' | 'phone' | 'video' | 'home_visit';
	place: string | null;
	videoUrl: string | null;
	purpose: string;
	bring: string | null;
	status: string;
	staffName: string;
	staffPhone: string | null;
	/** The newest change request's state; its reason and the answer are messages (the thread). */
	request: { kind: string; status: string } | null;
}

const columns = {
	id: appointment.id,
	startsAt: appointment.startsAt,
	endsAt: appointment.endsAt,
	kind: appointment.kind,
	place: appointment.place,
	videoUrl: appointment.videoUrl,
	purpose: appointment.purpose,
	bring: appointment.bring,
	status: appointment.status,
	staffName: user.displayName,
	staffPhone: user.phone
};

/**
 * The newest change request of each appointment, as JSON text, read in the same query: only
 * its kind and state. What the client wrote and what the klantmanager answered are messages
 * about the appointment, shown once, in the thread.
 */
const latestRequest = sql<string | null>`(select json_build_object('kind', r.kind,
	'status', r.status)::text
	from client_request r where r.appointment_id = ${appointment.id}
	and r.kind = 'appointment_change' order by r.created_at desc limit 1)`;

type Row = Omit<AppointmentView, 'startsAt' | 'endsAt' | 'request'> & {
	startsAt: Date;
	endsAt: Date;
	request: string | null;
};

function view({ request, ...row }: Row): AppointmentView {
	return {
		...row,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		request: request ? (JSON.parse(request) as AppointmentView['request']) : null
	};
}

/**
 * The client's appointments: upcoming (soonest first) and the last 20 past (latest first),
 * each with its newest change request. One query: the page a client checks before leaving.
 */
export async function appointmentsOfClient(db: Db, clientId: string, now = new Date()) {
	const rows = await db
		.select({ ...columns, request: latestRequest })
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(
			and(
				eq(appointment.clientId, clientId),
				sql`(${appointment.endsAt} >= ${now.toISOString()} or ${appointment.id} in (
					select p.id from appointment p where p.client_id = ${clientId}
					and p.ends_at < ${now.toISOString()} order by p.starts_at desc limit 20))`
			)
		)
		.orderBy(asc(appointment.startsAt));
	const isPast = (r: Row) => r.endsAt.getTime() < now.getTime();
	return {
		upcoming: rows.filter((r) => !isPast(r)).map(view),
		past: rows.filter(isPast).reverse().map(view)
	};
}

export async function appointmentOfClient(db: Db, clientId: string, appointmentId: string) {
	const [row] = await db
		.select({ ...columns, request: latestRequest })
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(and(eq(appointment.id, appointmentId), eq(appointment.clientId, clientId)));
	return row ? view(row) : null;
}

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

function toDateArray(d: Date): DateArray {
	return [
		d.getUTCFullYear(),
		d.getUTCMonth() + 1,
		d.getUTCDate(),
		d.getUTCHours(),
		d.getUTCMinutes()
	];
}

/**
 * An .ics file for one appointment. Times are written in UTC ("Z"), which every calendar
 * converts to the phone's zone; Amsterdam time is what the client sees in Wegwijs.
 */
export function toIcs(
	a: AppointmentView,
	opts: { title: string; description: string; location?: string; organizer?: string }
): string {
	const { error, value } = createEvent({
		uid: `${a.id}@wegwijs`,
		start: toDateArray(new Date(a.startsAt)),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: toDateArray(new Date(a.endsAt)),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: opts.title,
		description: opts.description,
		location: opts.location,
		// A stored link that breaks the rule (saved before it existed) is left out, not a 500.
		url: a.videoUrl && isSafeVideoLink(a.videoUrl) ? a.videoUrl : undefined,
		status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		productId: 'wegwijs/ics'
	});
	if (error || !value) throw error ?? new Error('ics failed');
	return value;
}

// ── The klantmanager's side ───────────────────────────────────────────────────

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
