import { json } from '@sveltejs/kit';
import { apiEndpoint, problem } from '$lib/server/kit/api-v1';
import { syncClientsBody } from '$lib/server/api/schemas';
import { syncClients } from '$lib/server/api/sync-clients';
import type { RequestHandler } from './$types';

/** Upsert clients of the key's gemeente by client number; `?dryRun=true` checks and writes nothing. */
export const PUT: RequestHandler = apiEndpoint({
	scope: 'clients',
	body: syncClientsBody,
	run: async (event, caller, body) => {
		const dryRun = event.url.searchParams.get('dryRun') === 'true';
		const r = await syncClients(event.locals.db, caller, body, { dryRun });
		if (!r.ok) return problem(event, 400, 'invalid', { items: r.problems });
		return json(r, { headers: { 'cache-control': 'no-store' } });
	}
});
