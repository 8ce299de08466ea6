import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as content from '$lib/server/content/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, 'client', url);
	const me = locals.client;
	const topic = await content.getTopic(locals.db, params.code, locals.lang, me?.gemeenteId ?? null);
	if (!topic) error(404, locals.t('errors.notFound'));
	return { topic, fetchedAt: new Date().toISOString() };
};
