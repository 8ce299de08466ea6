import { offlineAware } from '$lib/offline/page-data';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, parent, params, url }) => {
	const { messages } = await parent();
	return offlineAware(`uitleg:hulp:${params.code}${url.search}`, data, 'content', messages);
};
