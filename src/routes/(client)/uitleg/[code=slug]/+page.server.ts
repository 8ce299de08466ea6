import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as content from '$lib/server/content/content';
import * as contentAudio from '$lib/server/content/content-audio';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, 'client', url);
	const me = locals.client;
	const topic = await content.getTopic(locals.db, params.code, locals.lang, me?.gemeenteId ?? null);
	if (!topic) error(404, locals.t('errors.notFound'));
	// The recording of the text shown: the Dutch one when the page fell back to Dutch.
	const recording = await contentAudio.recordingFor(
		locals.db,
		{ kind: 'topic', code: topic.code, language: topic.fallback ? 'nl' : locals.lang },
		me?.gemeenteId ?? null
	);
	return { topic, recording, fetchedAt: new Date().toISOString() };
};
