import { error, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { documentResponse } from '$lib/server/kit/document-response';
import * as documents from '$lib/server/documents/documents';
import { documentKey } from '$lib/server/keys';

/** The client downloads a document they sent; another client's is not found. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireRole(locals, 'client');
	const doc = await documents.openForClient(locals.db, documentKey(), user.id, params.doc!);
	if (!doc) error(404, locals.t('errors.notFound'));
	return documentResponse(doc);
};
