import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { appointment, instrumentUse } from '../db/schema';
import { invite, invitePeriodic } from './surveys';

// The moments that may invite a client to a short survey (docs/DOMAIN.md, "Surveys"). The
// klantmanager workspace calls these after it records the event, in the same transaction;
// the survey module decides whether an invitation is due (cadence, one open at a time).

/** An appointment took place (marked "held" by the klantmanager). */
export async function afterAppointmentHeld(
	db: Db,
	appointmentId: string,
	now: Date = new Date()
): Promise<void> {
	const [row] = await db
		.select({ clientId: appointment.clientId, status: appointment.status })
		.from(appointment)
		.where(eq(appointment.id, appointmentId));
	if (!row || row.status !== 'held') return;
	await invite(db, { clientId: row.clientId, trigger: 'appointment', now });
}

/** An instrument use ended, for any reason (also when the client left the benefit). */
export async function afterInstrumentUseEnded(
	db: Db,
	instrumentUseId: string,
	now: Date = new Date()
): Promise<void> {
	const [row] = await db
		.select({
			clientId: instrumentUse.clientId,
			instrumentId: instrumentUse.instrumentId,
			endDate: instrumentUse.endDate
		})
		.from(instrumentUse)
		.where(eq(instrumentUse.id, instrumentUseId));
	if (!row || !row.endDate) return;
	await invite(db, {
		clientId: row.clientId,
		trigger: 'instrument_end',
		instrumentId: row.instrumentId,
		now
	});
}

/** The periodic survey, for a timer or job: see invitePeriodic. Safe to run more than once. */
export function periodicSurveys(db: Db, now: Date = new Date(), everyMonths?: number) {
	return invitePeriodic(db, { now, everyMonths });
}
