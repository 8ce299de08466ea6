import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as caseload from '$lib/server/caseload/caseload';
import type { PageServerLoad } from './$types';

// A bad value in the address falls back to the default instead of an error page.
const querySchema = z.object({
	q: z.string().max(100).optional().catch(undefined),
	segment: z
		.enum([...caseload.SEGMENTS, 'none'])
		.optional()
		.catch(undefined),
	plan: z.enum(caseload.PLAN_STATES).optional().catch(undefined),
	attention: z.enum(['requests', 'overdue']).optional().catch(undefined),
	status: z.enum(['active', 'left', 'all']).optional().catch(undefined),
	klantmanager: z.uuid().optional().catch(undefined),
	sort: z.enum(caseload.SORTS).optional().catch(undefined),
	dir: z.enum(['asc', 'desc']).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const query = querySchema.parse(Object.fromEntries(url.searchParams));
	const result = await caseload.searchCaseload(locals.db, staff, query);
	return { ...result, query, teamView: result.klantmanagers.length > 1 };
};
