import { createEvent, type DateArray } from 'ics';
import type { AppointmentView } from './appointment-view';
import { isSafeVideoLink } from './video-link';

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
