import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as audit from '$lib/server/audit/audit';
import type { PageServerLoad } from './$types';

const querySchema = z.object({
	clientNumber: z.string().trim().max(40).optional().catch(undefined),
	actorEmail: z.string().trim().max(200).optional().catch(undefined),
	action: z.enum(audit.AUDIT_ACTIONS).optional().catch(undefined),
	from: z.iso.date().optional().catch(undefined),
	to: z.iso.date().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
	const query = querySchema.parse(raw);
	return { query, actions: audit.AUDIT_ACTIONS, result: await audit.search(locals.db, query) };
};
