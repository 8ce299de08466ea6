import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import * as keys from '$lib/server/api/keys';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const [list, gemeenten] = await Promise.all([
		keys.listKeys(locals.db),
		keys.gemeenteChoices(locals.db)
	]);
	return {
		keys: list.map((k) => ({
			...k,
			createdAt: k.createdAt.toISOString(),
			lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
			revokedAt: k.revokedAt?.toISOString() ?? null
		})),
		gemeenten,
		scopes: keys.API_SCOPE_LIST
	};
};

const revokeSchema = z.object({ id: z.uuid() });

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(keys.newKeySchema, await postedForm(request));
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const r = await keys.createKey(locals.db, admin.id, form.data);
		if (!r.ok)
			return fail(400, {
				errors: fieldError('gemeenteId', 'admin.apiKeys.errors.gemeente'),
				values: form.data as Record<string, string>
			});
		// The only time the key is shown; it is not stored anywhere readable.
		return { key: r.key, name: form.data.name };
	},
	revoke: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(revokeSchema, await postedForm(request));
		if (!form.ok) return fail(400, { revokeError: 'errors.invalid' });
		if (!(await keys.revokeKey(locals.db, admin.id, form.data.id)))
			return fail(404, { revokeError: 'errors.notFound' });
		return { revoked: true };
	}
};
