import { error, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as appointments from '$lib/server/appointments/appointment-view';
import { toIcs } from '$lib/server/appointments/calendar-file';
import { isSafeVideoLink } from '$lib/server/appointments/video-link';

/** "Zet in mijn agenda": one appointment as an .ics file. */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, 'client');
	const me = locals.client;
	const a = me && (await appointments.appointmentOfClient(locals.db, me.id, params.id!));
	if (!a) error(404, locals.t('errors.notFound'));
	const t = locals.t;
	const ics = toIcs(a, {
		title: t('appointments.icsTitle', { name: a.staffName }),
		description: [
			a.purpose,
			a.bring ? `${t('appointments.bring')}: ${a.bring}` : '',
			a.videoUrl && isSafeVideoLink(a.videoUrl) ? a.videoUrl : ''
		]
			.filter(Boolean)
			.join('\n'),
		location: a.place ?? (a.kind === 'phone' ? t('appointments.kind.phone') : undefined)
	});
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="afspraak-${a.startsAt.slice(0, 10)}.ics"`
		}
	});
};
