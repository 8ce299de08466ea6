import { requireRole } from '$lib/server/auth/guard';
import * as plans from '$lib/server/domain/plans';
import * as content from '$lib/server/domain/content';
import { personalStatus } from '$lib/server/domain/personal-status';
import { amsterdamDay } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	const me = await plans.clientOfUser(locals.db, user.id);
	return {
		personal: me ? personalStatus(me, amsterdamDay()) : null,
		topics: await content.listTopics(locals.db, locals.lang, me?.municipalityId ?? null),
		fetchedAt: new Date().toISOString()
	};
};
