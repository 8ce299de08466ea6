import { requireRole } from '$lib/server/kit/guard';
import * as content from '$lib/server/content/content';
import { personalStatus } from '$lib/server/client/personal-status';
import { handhavingOfClient } from '$lib/server/handhaving/handhaving';
import { amsterdamDay } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'client', url);
	const me = locals.client;
	return {
		personal: me ? personalStatus(me, amsterdamDay()) : null,
		// Besluiten about the benefit, with the right to object (issue #13 §7).
		handhaving: me ? await handhavingOfClient(locals.db, me.id) : [],
		topics: await content.listTopics(locals.db, locals.lang, me?.gemeenteId ?? null),
		fetchedAt: new Date().toISOString()
	};
};
