import { requireRole } from '$lib/server/kit/guard';
import * as content from '$lib/server/content/content';
import { personalStatus } from '$lib/server/client/personal-status';
import { amsterdamDay } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'client', url);
	const me = locals.client;
	return {
		personal: me ? personalStatus(me, amsterdamDay()) : null,
		topics: await content.listTopics(locals.db, locals.lang, me?.gemeenteId ?? null),
		fetchedAt: new Date().toISOString()
	};
};
