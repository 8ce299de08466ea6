import { recordsEndpoint } from '$lib/server/kit/api-v1';
import { syncAppointmentsBody } from '$lib/server/api/schemas';
import { APPOINTMENTS } from '$lib/server/api/sync-records';
import type { RequestHandler } from './$types';

/** Create or update appointments by the benefit system's id (docs/API.md); `?dryRun=true` checks and writes nothing. */
export const PUT: RequestHandler = recordsEndpoint(
	syncAppointmentsBody,
	APPOINTMENTS,
	(b) => b.appointments
);
