import { requireRole } from '$lib/server/auth/guard';
import * as notifications from '$lib/server/domain/notifications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	const items = await notifications.inboxOf(locals.db, user.id);
	// Opening the inbox is reading it; the page still marks what was new this time.
	await notifications.markAllRead(locals.db, user.id);
	return { items };
};
