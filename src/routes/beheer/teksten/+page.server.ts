import { requireRole } from '$lib/server/kit/guard';
import * as contentAdmin from '$lib/server/content/content-admin';
import { LANGUAGES } from '$lib/i18n/languages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	return {
		rows: await contentAdmin.listContent(locals.db),
		languages: LANGUAGES.map((l) => ({ code: l.code, name: l.name }))
	};
};
