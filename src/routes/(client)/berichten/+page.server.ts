import { requireRole } from '$lib/server/kit/guard';
import * as notifications from '$lib/server/notifications/notifications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	return { items: await notifications.openInbox(locals.db, user.id) };
};
