import { requireRole } from '$lib/server/kit/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	requireRole(locals, 'klantmanager', url);
};
