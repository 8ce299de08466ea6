import { requireRole } from '$lib/server/kit/guard';
import * as notifications from '$lib/server/notifications/notifications';
import { env } from '$lib/server/env';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	return { mails: await notifications.emailOutbox(locals.db), smtp: !!env().SMTP_URL };
};
