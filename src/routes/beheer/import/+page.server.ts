import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { SESSION_COOKIE } from '$lib/server/kit/cookie';
import { startImport } from '$lib/server/import/jobs';
import { IMPORT_KINDS, MAX_FILE_BYTES } from '$lib/server/import/run';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

const MAX_MB = Math.round(MAX_FILE_BYTES / 1024 / 1024);
const kindSchema = z.enum(IMPORT_KINDS);

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, 'admin');
	// hooks.server.ts sends a too-large upload back here before reading it.
	return { kinds: IMPORT_KINDS, tooLarge: url.searchParams.has('te-groot'), maxMb: MAX_MB };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const admin = requireRole(locals, 'admin');
		const form = await postedForm(request);
		const kind = kindSchema.safeParse(form.get('kind'));
		const file = form.get('file');
		const apply = form.get('mode') === 'apply';
		const values = { kind: kind.success ? kind.data : '' };
		if (!kind.success)
			return fail(400, { values, errors: { kind: { key: 'import.errors.noKind' } } });
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { values, errors: { file: { key: 'import.errors.noFile' } } });
		if (file.size > MAX_FILE_BYTES)
			return fail(400, {
				values,
				errors: { file: { key: 'import.errors.tooLarge', values: { max: MAX_MB } } }
			});
		// The import runs on in the background; its page shows the rows done and then the result.
		const token = cookies.get(SESSION_COOKIE);
		const { id } = startImport(locals.db, admin.id, kind.data, file, {
			apply,
			fileName: file.name.slice(0, 200),
			poller: token ? { sessionToken: token, user: admin } : undefined
		});
		redirect(303, `/beheer/import/${id}`);
	}
};
