import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as content from '$lib/server/content/content';
import { ownSituation } from '$lib/server/client/situation';
import { SEGMENTS } from '$lib/server/caseload/caseload';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	segment: z.enum([...SEGMENTS, 'all']).catch('all'),
	age: z.enum(['under27', 'over45', 'all']).catch('all'),
	statushouder: z.enum(['yes', 'no', 'all']).catch('all')
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'client', url);
	const me = locals.client;
	// No filter in the URL: start from the client's own situation ("wat past bij mij").
	const filter = url.searchParams.has('segment')
		? filterSchema.parse(Object.fromEntries(url.searchParams))
		: me
			? ownSituation(me)
			: filterSchema.parse({});
	const instruments = await content.listInstruments(
		locals.db,
		locals.lang,
		me?.gemeenteId ?? null,
		{
			segment: filter.segment === 'all' ? undefined : filter.segment,
			age: filter.age === 'all' ? undefined : filter.age,
			statushouder: filter.statushouder === 'all' ? undefined : filter.statushouder === 'yes'
		},
		me?.id ?? null
	);
	return {
		filter,
		instruments,
		fetchedAt: new Date().toISOString()
	};
};
