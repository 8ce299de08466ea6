import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as activation from '$lib/server/auth/activation-letter';
import { lettersFor } from '$lib/server/auth/letter-text';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'activation'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	return { client: header };
};

export const actions: Actions = {
	default: async ({ locals, params, url }) => {
		const staff = requireRole(locals, 'klantmanager');
		const letter = await inCaseload(locals, () =>
			activation.issueLetter(locals.db, staff, params.id)
		);
		if (!letter) error(404, locals.t('errors.notFound'));
		// The client's language first, then Dutch for the people who help them.
		const { letter: own, dutch } = lettersFor(letter.language, letter, url.origin);
		return { letter: own, dutch };
	}
};
