import { error, type RequestHandler } from '@sveltejs/kit';
import { inCaseload, requireRole } from '$lib/server/kit/guard';
import { documentResponse } from '$lib/server/kit/document-response';
import * as documents from '$lib/server/documents/documents';
import { documentKey } from '$lib/server/keys';

/** The klantmanager, team lead or stand-in downloads (audited); anyone else gets 403. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const staff = requireRole(locals, 'klantmanager');
	const doc = await inCaseload(locals, () =>
		documents.openForStaff(locals.db, documentKey(), staff, params.id!, params.doc!)
	);
	if (!doc) error(404, locals.t('errors.notFound'));
	return documentResponse(doc);
};
