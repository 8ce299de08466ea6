import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import { staffAction } from '$lib/server/kit/staff-action';
import { endUseSchema, outflowSchema, registerUseSchema } from '$lib/forms/km-forms';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as uses from '$lib/server/instruments/instrument-uses';
import * as outflows from '$lib/server/caseload/outflow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'instruments'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	return {
		client: header,
		uses: await uses.usesOfClient(locals.db, params.id),
		instruments: await uses.offeredInstruments(locals.db, params.id),
		outflow: await outflows.outflowOfClient(locals.db, params.id)
	};
};

export const actions: Actions = {
	register: staffAction({
		tag: { form: 'register' },
		parse: (form) => parseForm(registerUseSchema, form),
		run: ({ db, staff, params }, input) =>
			uses.registerUse(db, staff, { clientId: params.id!, ...input }),
		done: () => ({ done: true }),
		refused: (r) => ({ status: 400, errors: fieldError(r.field, `km.errors.${r.error}`) })
	}),
	end: staffAction({
		tag: { form: 'end' },
		parse: (form) => parseForm(endUseSchema, form),
		run: ({ db, staff, params }, input) =>
			uses.endUse(db, staff, { clientId: params.id!, ...input }),
		done: () => ({ done: true }),
		refused: (r) => ({
			status: 400,
			// The use itself is not a field on screen: its error shows at the end date.
			errors: fieldError(r.field === 'useId' ? 'endDate' : r.field, `km.errors.${r.error}`)
		})
	}),
	outflow: staffAction({
		tag: { form: 'outflow' },
		parse: (form) => parseForm(outflowSchema, form),
		run: ({ db, staff, params }, input) =>
			outflows.registerOutflow(db, staff, { clientId: params.id!, ...input }),
		done: () => ({ done: true }),
		refused: (r) => ({ status: 400, errors: fieldError('date', `km.errors.${r.error}`) })
	})
};
