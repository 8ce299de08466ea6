import { requireRole } from '$lib/server/kit/guard';
import { unreadForClient } from '$lib/server/messages/conversation';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, request }) => {
	const user = requireRole(locals, 'client', url);
	// The bottom navigation and Home show how many answers from the klantmanager are unread.
	// A page read (GET) changes nothing: the count read with the session is current, and costs
	// no round trip of its own (#19). After an action (which may have marked answers read, e.g.
	// /berichten?/read without JavaScript) it is read again.
	const read = request.method === 'GET' || request.method === 'HEAD';
	return {
		unreadMessages: read ? locals.unreadMessages : await unreadForClient(locals.db, user.id)
	};
};
