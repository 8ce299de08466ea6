import { requireRole } from '$lib/server/kit/guard';
import { unreadForClient } from '$lib/server/messages/conversation';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	// The bottom navigation and Home show how many answers from the klantmanager are unread.
	return { unreadMessages: await unreadForClient(locals.db, user.id) };
};
