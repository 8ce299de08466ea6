import type { Db } from '../db/open';

// The moments that may invite a client to a short survey (DOMAIN.md, "Surveys"). The
// klantmanager workspace calls these after it records the event, in the same transaction;
// the survey module decides whether an invitation is due (cadence, one open at a time).

/** An appointment took place (marked "held" by the klantmanager). */
export async function afterAppointmentHeld(
	db: Db,
	appointmentId: string,
	now: Date = new Date()
): Promise<void> {
	void db;
	void appointmentId;
	void now;
}

/** An instrument use ended, for any reason (also when the client left the benefit). */
export async function afterInstrumentUseEnded(
	db: Db,
	instrumentUseId: string,
	now: Date = new Date()
): Promise<void> {
	void db;
	void instrumentUseId;
	void now;
}
