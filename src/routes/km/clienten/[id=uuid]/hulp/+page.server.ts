import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import { parseForm, type FormResult } from '$lib/forms/form-data';
import { fieldError, type FieldErrors } from '$lib/forms/errors';
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
		outflow: await outflows.outflowOfClient(locals.db, params.id),
		periods: await outflows.periodsOfClient(locals.db, params.id),
		// What the outflow form proposes per running use for each reason; the klantmanager confirms.
		outcomeDefaults: Object.fromEntries(
			outflows.OUTFLOW_REASON_LIST.map((r) => [r, outflows.defaultOutcome(r)])
		)
	};
};

/** `outcome-<use id>` fields: the outcome chosen for each running instrument use. */
const outcomeField = /^outcome-([0-9a-f-]{36})$/;
const outcomeSchema = z.enum(outflows.OUTCOME_LIST);
type Outcome = z.infer<typeof outcomeSchema>;

function parseOutflow(
	form: FormData
): FormResult<z.infer<typeof outflowSchema> & { outcomes: Record<string, Outcome> }> {
	const parsed = parseForm(outflowSchema, form);
	const outcomes: Record<string, Outcome> = {};
	const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
	for (const [key, value] of form) {
		const m = outcomeField.exec(key);
		if (!m || value === '') continue;
		const outcome = outcomeSchema.safeParse(value);
		if (outcome.success) outcomes[m[1]!] = outcome.data;
		else errors[key] = { key: 'errors.invalid' };
	}
	if (!parsed.ok || Object.keys(errors).length) {
		const values: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
		return { ok: false, errors, values };
	}
	return { ok: true, data: { ...parsed.data, outcomes } };
}

const reentrySchema = z.object({ benefitStart: z.iso.date('errors.invalid') });

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
		parse: parseOutflow,
		run: ({ db, staff, params }, input) =>
			outflows.registerOutflow(db, staff, { clientId: params.id!, ...input }),
		done: () => ({ done: true }),
		refused: (r) => ({
			status: 400,
			errors: r.useId
				? fieldError(`outcome-${r.useId}`, 'outflow.errors.outcome_missing')
				: fieldError('date', `km.errors.${r.error}`)
		})
	}),
	reentry: staffAction({
		tag: { form: 'reentry' },
		parse: (form) => parseForm(reentrySchema, form),
		run: ({ db, staff, params }, input) =>
			outflows.registerReentry(db, staff, { clientId: params.id!, ...input }),
		done: () => ({ done: true }),
		refused: (r) => ({
			status: 400,
			errors: fieldError('benefitStart', `outflow.errors.${r.error}`)
		})
	})
};
