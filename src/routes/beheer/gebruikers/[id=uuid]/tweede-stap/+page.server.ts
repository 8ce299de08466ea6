import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { confirmIdentity, needsReauth, reauthSeconds } from '$lib/server/kit/reauth';
import * as secondFactor from '$lib/server/auth/second-factor';
import * as staffAdmin from '$lib/server/staff/staff-admin';
import type { FieldErrors } from '$lib/forms/errors';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

// A staff member lost phone and recovery codes (#14): an admin, after proving who they are,
// wipes the second factor; the person is signed out everywhere and sets it up again.

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, 'admin', url);
	const member = await staffAdmin.getStaff(locals.db, params.id);
	if (!member) error(404, locals.t('errors.notFound'));
	return {
		member: { id: member.id, displayName: member.displayName },
		enrolled: await secondFactor.isEnrolled(locals.db, member.id),
		own: member.id === locals.user!.id,
		needsReauth: needsReauth(locals),
		reauthSeconds: reauthSeconds()
	};
};

// The admin says they checked it is really this person asking (not someone calling in their name).
const resetSchema = z.object({ confirm: z.literal('on', 'admin.staff.resetConfirmNeeded') });

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		requireRole(locals, 'admin', url);
		const formData = await postedForm(request);
		if (!resetSchema.safeParse({ confirm: formData.get('confirm') }).success)
			return fail(400, {
				errors: { confirm: { key: 'admin.staff.resetConfirmNeeded' } } as FieldErrors
			});
		if (params.id === locals.user!.id)
			return fail(403, { errors: { form: { key: 'admin.staff.resetOwn' } } as FieldErrors });
		const refused = await confirmIdentity(locals, formData);
		if (refused)
			return fail(refused.status, { errors: refused.errors, reauth: true, confirm: true });
		const result = await secondFactor.resetByAdmin(locals.db, {
			actorId: locals.user!.id,
			userId: params.id
		});
		if (result === 'not-found') error(404, locals.t('errors.notFound'));
		if (result === 'own')
			return fail(403, { errors: { form: { key: 'admin.staff.resetOwn' } } as FieldErrors });
		return { reset: true };
	}
};
