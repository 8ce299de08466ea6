import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { confirmIdentity, needsReauth, reauthSeconds } from '$lib/server/kit/reauth';
import * as staffAdmin from '$lib/server/staff/staff-admin';
import { formObject, updateStaffSchema } from '$lib/server/staff/staff-forms';
import { issuesToErrors } from '$lib/forms/form-data';
import type { FieldErrors } from '$lib/forms/errors';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, 'admin', url);
	const member = await staffAdmin.getStaff(locals.db, params.id);
	if (!member) error(404, locals.t('errors.notFound'));
	return {
		member,
		teams: await staffAdmin.listTeams(locals.db),
		gemeenten: await staffAdmin.listGemeenten(locals.db),
		roles: staffAdmin.STAFF_ROLES,
		needsReauth: needsReauth(locals),
		reauthSeconds: reauthSeconds()
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		requireRole(locals, 'admin', url);
		const formData = await postedForm(request);
		const { reauth: _proof, ...raw } = formObject(formData, ['roles', 'gemeenteIds']);
		const parsed = updateStaffSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { errors: issuesToErrors(parsed.error), values: raw });
		// Roles and access change here: who is at the keyboard must have proved it lately (#14).
		const refused = await confirmIdentity(locals, formData);
		if (refused) return fail(refused.status, { errors: refused.errors, values: raw, reauth: true });
		const result = await staffAdmin.updateStaff(locals.db, params.id, {
			...parsed.data,
			actorId: locals.user!.id
		});
		if (result === 'not-found') error(404, locals.t('errors.notFound'));
		if (result === 'unknown-gemeente')
			return fail(400, {
				errors: { gemeenteIds: { key: 'errors.invalid' } } as FieldErrors,
				values: raw
			});
		if (result === 'last-admin')
			return fail(409, {
				errors: { roles: { key: 'errors.lastAdmin' } } as FieldErrors,
				values: raw
			});
		redirect(303, '/beheer/gebruikers?saved=1');
	}
};
