import { recordsEndpoint } from '$lib/server/kit/api-v1';
import { syncInstrumentUsesBody } from '$lib/server/api/schemas';
import { INSTRUMENT_USES } from '$lib/server/api/sync-records';
import type { RequestHandler } from './$types';

/** Create or update instrument uses with their outcome by the benefit system's id (docs/API.md); `?dryRun=true` checks and writes nothing. */
export const PUT: RequestHandler = recordsEndpoint(
	syncInstrumentUsesBody,
	INSTRUMENT_USES,
	(b) => b.instrumentUses
);
