import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { importClients } from '$lib/server/import/clients';
import { MAX_FILE_BYTES } from '$lib/server/import/run';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const admin = requireRole(locals, 'admin');
		const form = await request.formData();
		const file = form.get('file');
		const apply = form.get('mode') === 'apply';
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { file: { key: 'import.errors.noFile' } } });
		if (file.size > MAX_FILE_BYTES)
			return fail(400, {
				errors: {
					file: {
						key: 'import.errors.tooLarge',
						values: { max: Math.round(MAX_FILE_BYTES / 1024 / 1024) }
					}
				}
			});
		const stream = file.stream() as unknown as AsyncIterable<Uint8Array>;
		const report = await importClients(locals.db, admin.id, stream, {
			apply,
			fileName: file.name.slice(0, 200)
		});
		if (!report.ok) return fail(400, { report, apply, fileName: file.name });
		return { report, apply, fileName: file.name };
	}
};
