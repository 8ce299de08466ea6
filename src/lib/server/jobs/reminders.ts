import type { Db } from '../db/open';
import { sendAppointmentReminders } from '../notifications/notifications';

const EVERY_MS = 15 * 60_000;

/**
 * Sends the day-before appointment reminders now and every quarter of an hour. Sending is
 * idempotent per appointment and start time, so several app processes may all run this.
 */
export function startReminderJob(db: Db): () => void {
	const run = () =>
		void sendAppointmentReminders(db).catch((e: unknown) =>
			console.error('Wegwijs: reminders failed', e)
		);
	run();
	const timer = setInterval(run, EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
