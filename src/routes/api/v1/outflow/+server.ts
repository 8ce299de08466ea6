import { json } from '@sveltejs/kit';
import { apiEndpoint, problem } from '$lib/server/kit/api-v1';
import { syncOutflowBody } from '$lib/server/api/schemas';
import { syncOutflow } from '$lib/server/api/sync-outflow';
import type { RequestHandler } from './$types';

/** Records that a client of the key's gemeente left the benefit; a repeat is "unchanged". */
export const POST: RequestHandler = apiEndpoint({
	scope: 'outflow',
	body: syncOutflowBody,
	run: async (event, caller, body) => {
		const r = await syncOutflow(event.locals.db, caller, body);
		if (r.ok) return json(r, { status: r.status === 'created' ? 201 : 200 });
		if (r.error === 'not_found') return problem(event, 404, 'notFound');
		const pointer = r.error === 'outcome_missing' ? '/outcome' : '/date';
		return problem(event, r.error === 'already_registered' ? 409 : 400, 'invalid', {
			items: [{ pointer, error: { key: `admin.api.errors.${r.error}` } }]
		});
	}
});
