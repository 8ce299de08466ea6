import { recordsEndpoint } from '$lib/server/kit/api-v1';
import { syncLadderStepsBody } from '$lib/server/api/schemas';
import { LADDER_STEPS } from '$lib/server/api/sync-records';
import type { RequestHandler } from './$types';

/** Record participatieladder steps by client and date (docs/API.md); `?dryRun=true` checks and writes nothing. */
export const PUT: RequestHandler = recordsEndpoint(
	syncLadderStepsBody,
	LADDER_STEPS,
	(b) => b.ladderSteps
);
