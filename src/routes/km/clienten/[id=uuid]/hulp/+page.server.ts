import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { formValues, parseForm, type FieldErrors } from '$lib/server/forms';
import { INSTRUMENT_OUTCOMES, OUTFLOW_REASONS } from '$lib/server/db/schema';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as uses from '$lib/server/instruments/instrument-uses';
import * as outflows from '$lib/server/caseload/outflow';
import { inCaseload } from '$lib/server/caseload/guard';
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
		outcomeDefaults: Object.fromEntries(OUTFLOW_REASONS.map((r) => [r, outflows.defaultOutcome(r)]))
	};
};

const day = z.iso.date('errors.invalid');
const registerSchema = z.object({
	instrumentId: z.uuid('errors.required'),
	startDate: day,
	plannedEndDate: z.union([z.literal(''), day]),
	provider: z.string().trim().max(200)
});
const endSchema = z.object({
	useId: z.uuid(),
	endDate: day,
	outcome: z.enum(INSTRUMENT_OUTCOMES, 'errors.required'),
	reason: z.string().trim().max(500)
});
const outflowSchema = z
	.object({ date: day, reason: z.enum(OUTFLOW_REASONS, 'errors.required') })
	.catchall(z.string());
/** `outcome-<use id>` fields: the outcome chosen for each running instrument use. */
const outcomeField = /^outcome-([0-9a-f-]{36})$/;
const reentrySchema = z.object({ benefitStart: day });

export const actions: Actions = {
	register: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(registerSchema, form);
		if (!parsed.ok)
			return fail(400, { form: 'register', errors: parsed.errors, values: parsed.values });
		const result = await inCaseload(locals, () =>
			uses.registerUse(locals.db, staff, { clientId: params.id, ...parsed.data })
		);
		if (!result.ok)
			return fail(400, {
				form: 'register',
				errors: { [result.field]: { key: `km.errors.${result.error}` } } as FieldErrors,
				values: formValues(form)
			});
		return { form: 'register', done: true };
	},
	end: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(endSchema, form);
		if (!parsed.ok) return fail(400, { form: 'end', errors: parsed.errors, values: parsed.values });
		const result = await inCaseload(locals, () =>
			uses.endUse(locals.db, staff, { clientId: params.id, ...parsed.data })
		);
		if (!result.ok)
			return fail(400, {
				form: 'end',
				errors: {
					[result.field === 'useId' ? 'endDate' : result.field]: {
						key: `km.errors.${result.error}`
					}
				} as FieldErrors,
				values: formValues(form)
			});
		return { form: 'end', done: true };
	},
	outflow: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(outflowSchema, form);
		if (!parsed.ok)
			return fail(400, { form: 'outflow', errors: parsed.errors, values: parsed.values });
		const outcomes: Record<string, (typeof INSTRUMENT_OUTCOMES)[number]> = {};
		const errors: FieldErrors = {};
		for (const [key, value] of form) {
			const m = outcomeField.exec(key);
			if (!m || value === '') continue;
			const outcome = z.enum(INSTRUMENT_OUTCOMES).safeParse(value);
			if (outcome.success) outcomes[m[1]!] = outcome.data;
			else errors[key] = { key: 'errors.invalid' };
		}
		if (Object.keys(errors).length)
			return fail(400, { form: 'outflow', errors, values: formValues(form) });
		const { date, reason } = parsed.data;
		const result = await inCaseload(locals, () =>
			outflows.registerOutflow(locals.db, staff, { clientId: params.id, date, reason, outcomes })
		);
		if (!result.ok)
			return fail(400, {
				form: 'outflow',
				errors: (result.useId
					? { [`outcome-${result.useId}`]: { key: 'outflow.errors.outcome_missing' } }
					: { date: { key: `km.errors.${result.error}` } }) as FieldErrors,
				values: formValues(form)
			});
		return { form: 'outflow', done: true };
	},
	reentry: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parseForm(reentrySchema, form);
		if (!parsed.ok)
			return fail(400, { form: 'reentry', errors: parsed.errors, values: parsed.values });
		const result = await inCaseload(locals, () =>
			outflows.registerReentry(locals.db, staff, { clientId: params.id, ...parsed.data })
		);
		if (!result.ok)
			return fail(400, {
				form: 'reentry',
				errors: { benefitStart: { key: `outflow.errors.${result.error}` } } as FieldErrors,
				values: formValues(form)
			});
		return { form: 'reentry', done: true };
	}
};
