import { json, type RequestHandler } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { idempotencyKey } from '$lib/actions/schema';
import * as documents from '$lib/server/documents/documents';
import { documentKey } from '$lib/server/keys';
import { postedForm } from '$lib/server/kit/posted-form';

const STATUS: Record<string, number> = {
	empty_file: 422,
	file_too_large: 413,
	file_type: 415,
	photo_too_large: 413,
	// Busy, not the photo's fault: the outbox keeps it and sends it again later.
	photo_busy: 503,
	name_too_long: 422,
	not_found: 404
};

/**
 * One document per request (the offline queue sends each file on its own and retries it):
 * `file` in multipart form data, the upload's own Idempotency-Key. Answers the id to send
 * with the message; a replay of the key answers the same id and stores nothing.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const user = requireRole(locals, 'client');
	const refuse = (error: string, status = 400) =>
		json({ ok: false, error, message: locals.t(`actions.errors.${error}`) }, { status });
	const key = idempotencyKey.safeParse(request.headers.get('idempotency-key'));
	if (!key.success) return refuse('missing_key');
	const form = await postedForm(request).catch(() => null);
	const file = form?.get('file');
	if (!(file instanceof File)) return refuse('invalid');
	const stored = await documents.storeUpload(locals.db, documentKey(), {
		userId: user.id,
		uploadKey: key.data,
		name: file.name,
		bytes: Buffer.from(await file.arrayBuffer())
	});
	if (!stored.ok) return refuse(stored.error, STATUS[stored.error] ?? 400);
	return json({ ok: true, id: stored.id });
};
