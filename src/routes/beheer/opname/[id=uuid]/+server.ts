import { error, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { audioResponse } from '$lib/server/kit/audio-response';
import * as contentAudio from '$lib/server/content/content-audio';

/** The recording as stored, for the admin to listen to before checking it. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	requireRole(locals, 'admin');
	const file = await contentAudio.audioFile(locals.db, params.id!);
	if (!file) error(404, locals.t('errors.notFound'));
	return audioResponse(file, request.headers.get('range'), 'private, no-store');
};
