import { requireRole } from '$lib/server/kit/guard';
import { loadNorms, removeNorm, saveNorm } from '$lib/server/report/norm-form';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	return loadNorms(locals, url);
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const user = requireRole(locals, 'admin');
		return saveNorm(locals, await postedForm(request), user.id);
	},
	remove: async ({ locals, request }) => {
		const user = requireRole(locals, 'admin');
		return removeNorm(locals, await postedForm(request), user.id);
	}
};
