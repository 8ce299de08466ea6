import { offlineAware } from '$lib/offline/page-data';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, parent, url }) => {
	const { messages } = await parent();
	return offlineAware(`uitleg${url.search}`, data, 'explain', messages);
};
