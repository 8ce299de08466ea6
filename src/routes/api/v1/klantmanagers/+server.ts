import { recordsEndpoint } from '$lib/server/kit/api-v1';
import { syncAssignmentsBody } from '$lib/server/api/schemas';
import { ASSIGNMENTS } from '$lib/server/api/sync-records';
import type { RequestHandler } from './$types';

/** Assign klantmanagers to clients of the key's gemeente, by client number and e-mail (docs/API.md); `?dryRun=true` checks and writes nothing. */
export const PUT: RequestHandler = recordsEndpoint(
	syncAssignmentsBody,
	ASSIGNMENTS,
	(b) => b.assignments
);
