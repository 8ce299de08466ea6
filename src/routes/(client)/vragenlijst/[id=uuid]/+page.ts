import { offlineAware } from '$lib/offline/page-data';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, parent, params }) => {
	const { messages } = await parent();
	return offlineAware(`survey:${params.id}`, data, 'survey', messages);
};
