import { requireRole } from '$lib/server/auth/guard';
import * as caseload from '$lib/server/domain/caseload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	return { clients: await caseload.listCaseload(locals.db, staff) };
};
