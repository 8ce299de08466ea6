import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { STEP_OWNERS, type DraftStep } from '$lib/server/db/schema';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as drafts from '$lib/server/plans/plan-drafts';
import * as conversation from '$lib/server/messages/conversation';
import type { FieldErrors } from '$lib/server/forms';
import { inCaseload } from '$lib/server/caseload/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'plan'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	const editor = await drafts.editorOf(locals.db, params.id);
	// Questions and disagreements about a shared version that wait for an answer.
	const planQuestions = editor.plan
		? await conversation.planVersionsWaiting(locals.db, editor.plan.id)
		: [];
	return { client: header, ...editor, planQuestions };
};

const day = z.union([z.literal(''), z.iso.date('errors.invalid')]);
const createSchema = z.object({ templateId: z.union([z.literal(''), z.uuid()]) });
const templateSchema = z.object({
	planId: z.uuid(),
	version: z.coerce.number().int().min(1),
	revision: z.coerce.number().int().min(0),
	templateId: z.uuid('errors.required')
});
const headSchema = z.object({
	planId: z.uuid(),
	version: z.coerce.number().int().min(1),
	revision: z.coerce.number().int().min(0),
	count: z.coerce.number().int().min(0).max(drafts.STEPS_MAX),
	goal: z.string().trim().max(drafts.GOAL_MAX),
	reviewDate: day,
	op: z
		.string()
		.regex(/^(save|share|add|(up|down|remove):\d+)$/)
		.default('save')
});
const stepSchema = z.object({
	key: z.uuid(),
	title: z.string().trim().max(drafts.STEP_TITLE_MAX),
	owner: z.enum(STEP_OWNERS),
	due: day,
	instrument: z.union([z.literal(''), z.uuid()])
});

type Parsed =
	| { ok: true; input: drafts.DraftInput; op: drafts.EditOp | { op: 'share' } }
	| { ok: false; errors: FieldErrors };

/** The builder posts the whole plan each time: a head and `count` numbered steps. */
function parsePlanForm(form: FormData): Parsed {
	const raw = (k: string) =>
		typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined;
	const head = headSchema.safeParse({
		planId: raw('planId'),
		version: raw('version'),
		revision: raw('revision'),
		count: raw('count'),
		goal: raw('goal') ?? '',
		reviewDate: raw('reviewDate') ?? '',
		op: raw('op')
	});
	if (!head.success) {
		const errors: FieldErrors = {};
		for (const issue of head.error.issues) {
			const field = String(issue.path[0]);
			errors[field] ??= {
				key: issue.code === 'too_big' ? 'errors.tooLong' : 'errors.invalid',
				values: { max: drafts.GOAL_MAX }
			};
		}
		return { ok: false, errors };
	}
	const errors: FieldErrors = {};
	const steps: DraftStep[] = [];
	for (let i = 0; i < head.data.count; i++) {
		const s = stepSchema.safeParse({
			key: raw(`key-${i}`),
			title: raw(`title-${i}`) ?? '',
			owner: raw(`owner-${i}`),
			due: raw(`due-${i}`) ?? '',
			instrument: raw(`instrument-${i}`) ?? ''
		});
		if (!s.success) {
			const field = String(s.error.issues[0]!.path[0]);
			const name =
				{ key: 'key', title: 'title', owner: 'owner', due: 'due', instrument: 'instrument' }[
					field
				] ?? 'title';
			errors[`${name}-${i}`] =
				s.error.issues[0]!.code === 'too_big'
					? { key: 'errors.tooLong', values: { max: drafts.STEP_TITLE_MAX } }
					: { key: 'errors.invalid' };
			continue;
		}
		steps.push({
			key: s.data.key,
			title: s.data.title,
			owner: s.data.owner,
			dueDate: s.data.due || null,
			instrumentId: s.data.instrument || null
		});
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const [name, index] = head.data.op.split(':');
	const op: drafts.EditOp | { op: 'share' } =
		name === 'up' || name === 'down' || name === 'remove'
			? { op: name, index: Number(index) }
			: { op: name as 'save' | 'add' | 'share' };
	return {
		ok: true,
		op,
		input: {
			planId: head.data.planId,
			version: head.data.version,
			revision: head.data.revision,
			goal: head.data.goal,
			reviewDate: head.data.reviewDate || null,
			steps
		}
	};
}

/** What was typed, to show again after a refusal. */
function echo(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
	return values;
}

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const parsed = createSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { errors: { templateId: { key: 'errors.invalid' } } as FieldErrors });
		const result = await inCaseload(locals, () =>
			drafts.createPlan(locals.db, staff, {
				clientId: params.id,
				templateId: parsed.data.templateId || null
			})
		);
		if (!result.ok)
			return fail(409, {
				errors: { templateId: { key: `km.errors.${result.error}` } } as FieldErrors
			});
		redirect(303, `/km/clienten/${params.id}/plan`);
	},
	template: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const parsed = templateSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, { errors: { templateId: { key: 'errors.required' } } as FieldErrors });
		const result = await inCaseload(locals, () =>
			drafts.applyTemplate(locals.db, staff, params.id, parsed.data)
		);
		if (result.ok) return { saved: true };
		if (result.error === 'conflict') return fail(409, { conflict: true, theirs: result.theirs });
		return fail(400, {
			errors: { templateId: { key: `km.errors.${result.error}` } } as FieldErrors
		});
	},
	save: async ({ request, locals, params }) => {
		const staff = requireRole(locals, 'klantmanager');
		const form = await request.formData();
		const parsed = parsePlanForm(form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: echo(form) });
		const { input, op } = parsed;
		if (op.op === 'share') {
			const result = await inCaseload(locals, () =>
				drafts.saveAndShare(locals.db, staff, params.id, input)
			);
			if (result.ok) return { shared: result.version };
			return refusal(result, input, form);
		}
		const steps = drafts.applyOp(input.steps, op);
		const result = await inCaseload(locals, () =>
			drafts.saveDraft(locals.db, staff, params.id, { ...input, steps })
		);
		if (result.ok) return { saved: true };
		return refusal(result, input, form);
	}
};

function refusal(
	result: Exclude<drafts.SaveAndShareResult, { ok: true }>,
	input: drafts.DraftInput,
	form: FormData
) {
	if (result.error === 'conflict' && 'theirs' in result) {
		// Both versions go back: theirs to read, ours in the form on top of their revision.
		return fail(409, {
			conflict: true,
			theirs: result.theirs,
			mine: { ...input, version: result.theirs.version, revision: result.theirs.revision }
		});
	}
	if (result.error === 'conflict') return fail(409, { conflict: true, values: echo(form) });
	if (result.error === 'problems') {
		const errors: FieldErrors = {};
		for (const [field, key] of Object.entries(result.problems)) errors[field] = { key };
		return fail(400, { errors, values: echo(form) });
	}
	if (result.error === 'not_offered')
		return fail(400, {
			errors: { [`instrument-${result.step}`]: { key: 'km.errors.not_offered' } } as FieldErrors,
			values: echo(form)
		});
	return fail(409, {
		errors: { goal: { key: `km.errors.${result.error}` } } as FieldErrors,
		values: echo(form)
	});
}
