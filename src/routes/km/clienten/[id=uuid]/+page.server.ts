import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth/guard';
import * as caseload from '$lib/server/domain/caseload';
import { client, user } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	try {
		await caseload.openClient(locals.db, staff, params.id);
	} catch (e) {
		if (e instanceof caseload.AccessDenied) error(403, locals.t('errors.forbidden'));
		throw e;
	}
	const [row] = await locals.db
		.select({ name: user.displayName, clientNumber: client.clientNumber })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(client.id, params.id));
	if (!row) error(404, locals.t('errors.notFound'));
	return { client: row };
};
