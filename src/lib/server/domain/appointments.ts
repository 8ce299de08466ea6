import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { createEvent, type DateArray } from 'ics';
import type { Db } from '../db/open';
import { appointment, client, clientRequest, user } from '../db/schema';
import type { Tx } from './idempotency';

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
	request: { kind: string; status: string; message: string | null; answer: string | null } | null;
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

type Row = Omit<AppointmentView, 'startsAt' | 'endsAt' | 'request'> & {
	startsAt: Date;
	endsAt: Date;
};

function view(row: Row, requests: (typeof clientRequest.$inferSelect)[]): AppointmentView {
	const req = requests
		.filter((r) => r.appointmentId === row.id)
		.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
	return {
		...row,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		request: req
			? { kind: req.kind, status: req.status, message: req.message, answer: req.answer }
			: null
	};
}

/** The client's appointments: upcoming (soonest first) and past (latest first). */
export async function appointmentsOfClient(db: Db, clientId: string, now = new Date()) {
	const requests = await db
		.select()
		.from(clientRequest)
		.where(and(eq(clientRequest.clientId, clientId), eq(clientRequest.kind, 'appointment_change')));
	const upcoming = await db
		.select(columns)
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(and(eq(appointment.clientId, clientId), gte(appointment.endsAt, now)))
		.orderBy(asc(appointment.startsAt));
	const past = await db
		.select(columns)
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(and(eq(appointment.clientId, clientId), lt(appointment.endsAt, now)))
		.orderBy(desc(appointment.startsAt))
		.limit(20);
	return {
		upcoming: upcoming.map((r) => view(r, requests)),
		past: past.map((r) => view(r, requests))
	};
}

export async function appointmentOfClient(db: Db, clientId: string, appointmentId: string) {
	const [row] = await db
		.select(columns)
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(and(eq(appointment.id, appointmentId), eq(appointment.clientId, clientId)));
	if (!row) return null;
	const requests = await db
		.select()
		.from(clientRequest)
		.where(eq(clientRequest.appointmentId, appointmentId));
	return view(row, requests);
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
	const [created] = await tx
		.insert(clientRequest)
		.values({
			clientId: row.clientId,
			kind: 'appointment_change',
			appointmentId: row.id,
			message: `${input.kind === 'cannot_come' ? '[kan niet]' : '[ander tijdstip]'} ${reason}`
		})
		.returning({ id: clientRequest.id });
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
		url: a.videoUrl ?? undefined,
		status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		productId: 'wegwijs/ics'
	});
	if (error || !value) throw error ?? new Error('ics failed');
	return value;
}
