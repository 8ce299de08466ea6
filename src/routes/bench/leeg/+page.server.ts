import { error } from '@sveltejs/kit';
import { env } from '$lib/server/env';
import type { PageServerLoad } from './$types';

// The benchmark's reference page: server-rendered through the same hooks and layout as every
// page, but loading no data. It exists only when the benchmark asks for it.
export const load: PageServerLoad = ({ locals }) => {
	if (!env().BENCH_COUNT_QUERIES) error(404, locals.t('errors.notFound'));
	return {};
};
