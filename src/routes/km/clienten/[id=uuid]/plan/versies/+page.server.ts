import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import * as caseload from '$lib/server/domain/caseload';
import * as clientFile from '$lib/server/domain/client-file';
import * as drafts from '$lib/server/domain/plan-drafts';
import { offeredInstruments } from '$lib/server/domain/instrument-uses';
import { inCaseload } from '$lib/server/km/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'plan-versions'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	return {
		client: header,
		versions: await drafts.versionsOf(locals.db, params.id),
		instruments: await offeredInstruments(locals.db, params.id)
	};
};
