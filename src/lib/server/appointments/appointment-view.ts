import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { appointment, user } from '../db/schema';

/** What a client (and the klantmanager's appointment page) sees of an appointment. */
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
