import { offlineAware } from '$lib/offline/page-data';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data, parent }) => {
	const { messages } = await parent();
	return offlineAware('plan', data, 'plan', messages);
};
