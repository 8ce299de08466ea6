import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { confirmIdentity, needsReauth, reauthSeconds } from '$lib/server/kit/reauth';
import * as staffAdmin from '$lib/server/staff/staff-admin';
import { formObject, newStaffSchema, teamSchema } from '$lib/server/staff/staff-forms';
import { issuesToErrors } from '$lib/forms/form-data';
import type { FieldErrors } from '$lib/forms/errors';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

const searchSchema = z.string().trim().max(100).catch('');

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const q = searchSchema.parse(url.searchParams.get('q') ?? '');
	const [staff, teams] = await Promise.all([
		staffAdmin.listStaff(locals.db, q),
		staffAdmin.listTeams(locals.db)
	]);
	return {
		q,
		staff,
		teams,
		roles: staffAdmin.STAFF_ROLES,
		needsReauth: needsReauth(locals),
		reauthSeconds: reauthSeconds()
	};
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		requireRole(locals, 'admin', url);
		const formData = await postedForm(request);
		const { reauth: _proof, ...raw } = formObject(formData, ['roles']);
		const parsed = newStaffSchema.safeParse(raw);
		const { password: _secret, ...values } = raw;
		if (!parsed.success)
			return fail(400, { form: 'create', errors: issuesToErrors(parsed.error), values });
		// A new account with roles: who is at the keyboard must have proved it lately (#14).
		const refused = await confirmIdentity(locals, formData);
		if (refused)
			return fail(refused.status, { form: 'create', errors: refused.errors, values, reauth: true });
		try {
			await staffAdmin.createStaff(locals.db, { ...parsed.data, actorId: locals.user!.id });
		} catch (e) {
			if (e instanceof staffAdmin.DuplicateEmail)
				return fail(409, {
					form: 'create',
					errors: { email: { key: 'errors.emailTaken' } } as FieldErrors,
					values
				});
			throw e;
		}
		return { created: parsed.data.displayName };
	},

	team: async ({ locals, url, request }) => {
		requireRole(locals, 'admin', url);
		const raw = formObject(await postedForm(request));
		const parsed = teamSchema.safeParse(raw);
		if (!parsed.success)
			return fail(400, { form: 'team', errors: issuesToErrors(parsed.error), values: raw });
		await staffAdmin.createTeam(
			locals.db,
			parsed.data.name,
			parsed.data.leadUserId,
			locals.user!.id
		);
		return { teamCreated: parsed.data.name };
	}
};
