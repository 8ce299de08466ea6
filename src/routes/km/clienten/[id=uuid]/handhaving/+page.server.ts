import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import { staffAction } from '$lib/server/kit/staff-action';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as handhaving from '$lib/server/handhaving/handhaving';
import {
	handhavingSchema,
	parseCorrection,
	withdrawSchema
} from '$lib/server/handhaving/handhaving-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'handhaving'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	return {
		client: header,
		entries: await inCaseload(locals, () =>
			handhaving.handhavingForStaff(locals.db, staff, params.id)
		)
	};
};

const refusedAt = (r: { error: string; field: string }) => ({
	status: (r.error === 'conflict' || r.error === 'withdrawn' ? 409 : 400) as 400 | 409,
	errors: fieldError(r.field, `km.handhaving.errors.${r.error}`)
});

export const actions: Actions = {
	record: staffAction({
		tag: { form: 'record' },
		parse: (form) => parseForm(handhavingSchema, form),
		run: ({ db, staff, params }, input) =>
			handhaving.recordHandhaving(db, staff, params.id!, input),
		done: () => ({ done: true }),
		refused: (r) => refusedAt(r)
	}),
	correct: staffAction({
		tag: { form: 'correct' },
		parse: parseCorrection,
		run: ({ db, staff, params }, input) =>
			handhaving.correctHandhaving(db, staff, params.id!, input),
		done: () => ({ done: true }),
		refused: (r) => refusedAt(r)
	}),
	withdraw: staffAction({
		tag: { form: 'withdraw' },
		parse: (form) => parseForm(withdrawSchema, form),
		run: ({ db, staff, params }, input) =>
			handhaving.withdrawHandhaving(db, staff, params.id!, input),
		done: () => ({ done: true }),
		refused: (r) => refusedAt(r)
	})
};
