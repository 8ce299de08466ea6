import { error, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { audioResponse } from '$lib/server/kit/audio-response';
import * as contentAudio from '$lib/server/content/content-audio';
import * as content from '$lib/server/content/content';

/**
 * A recording of a content text for a client. Content is the same for every client (nothing
 * personal), so any client may fetch it; a concept one only where their gemeente shows concept
 * texts. Sent no-store like every answer to a signed-in person (the hook insists); the service
 * worker keeps it anyway, in a cache of its own, so it plays offline ($lib/pwa/recordings).
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	requireRole(locals, 'client');
	const file = await contentAudio.audioFile(locals.db, params.id!);
	if (
		!file ||
		(file.status !== 'checked' &&
			!(await content.showsConcept(locals.db, locals.client?.gemeenteId ?? null)))
	)
		error(404, locals.t('errors.notFound'));
	return audioResponse(file, request.headers.get('range'), 'no-store');
};
