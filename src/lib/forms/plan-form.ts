import { z } from 'zod';
import { STEP_OWNERS, type DraftStep } from '$lib/server/db/schema';
import {
	GOAL_MAX,
	STEP_TITLE_MAX,
	STEPS_MAX,
	type DraftInput,
	type EditOp
} from '$lib/server/plans/plan-draft-rules';
import type { FieldErrors } from './errors';
import { formValues, type FormResult } from './form-data';

// The plan builder (km, /km/clienten/[id]/plan) posts the whole plan each time: a head
// (plan id, version, revision, goal, review date, the button pressed) and `count` numbered steps
// (key-0, title-0, owner-0, due-0, instrument-0, ...). Server-only: it reads the limits from the
// plans area.

const day = z.union([z.literal(''), z.iso.date('errors.invalid')]);

const headSchema = z.object({
	planId: z.uuid(),
	version: z.coerce.number().int().min(1),
	revision: z.coerce.number().int().min(0),
	count: z.coerce.number().int().min(0).max(STEPS_MAX),
	goal: z.string().trim().max(GOAL_MAX),
	reviewDate: day,
	op: z
		.string()
		.regex(/^(save|share|add|(up|down|remove):\d+)$/)
		.default('save')
});

const stepSchema = z.object({
	key: z.uuid(),
	title: z.string().trim().max(STEP_TITLE_MAX),
	owner: z.enum(STEP_OWNERS),
	due: day,
	instrument: z.union([z.literal(''), z.uuid()])
});

/** The button that was pressed: save, share, add a step, or move/remove step n. */
export type PlanOp = EditOp | { op: 'share' };

export interface PlanForm {
	input: DraftInput;
	op: PlanOp;
}

/** Parses the posted plan; on failure the errors per field and everything as typed. */
export function parsePlanForm(form: FormData): FormResult<PlanForm> {
	const raw = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : undefined;
	};
	const refuse = (errors: FieldErrors) => ({
		ok: false as const,
		errors,
		values: formValues(form)
	});
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
				values: { max: GOAL_MAX }
			};
		}
		return refuse(errors);
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
					? { key: 'errors.tooLong', values: { max: STEP_TITLE_MAX } }
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
	if (Object.keys(errors).length) return refuse(errors);
	const [name, index] = head.data.op.split(':');
	const op: PlanOp =
		name === 'up' || name === 'down' || name === 'remove'
			? { op: name, index: Number(index) }
			: { op: name as 'save' | 'add' | 'share' };
	return {
		ok: true,
		data: {
			op,
			input: {
				planId: head.data.planId,
				version: head.data.version,
				revision: head.data.revision,
				goal: head.data.goal,
				reviewDate: head.data.reviewDate || null,
				steps
			}
		}
	};
}
