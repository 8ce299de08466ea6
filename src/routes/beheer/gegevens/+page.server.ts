import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as dataCopy from '$lib/server/client/data-copy';
import { CLIENT_NUMBER } from '$lib/server/intake/client-number';
import type { PageServerLoad } from './$types';

const query = z.object({ clientnummer: z.string().trim().regex(CLIENT_NUMBER) });

/** A functioneel beheerder looks up a client by number to make their copy (AVG art. 15). */
export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const asked = url.searchParams.get('clientnummer');
	if (asked === null) return { asked: null, notFound: false };
	const parsed = query.safeParse({ clientnummer: asked });
	const id = parsed.success
		? await dataCopy.clientIdByNumber(locals.db, parsed.data.clientnummer)
		: null;
	if (id) redirect(303, `/beheer/gegevens/${id}`);
	return { asked: asked.slice(0, 60), notFound: true };
};
