// The plan builder's pure rules: limits, what stops sharing, and the step buttons.
import { randomUUID } from 'node:crypto';
import type { DraftStep } from '../db/schema';

export const GOAL_MAX = 1000;
export const STEP_TITLE_MAX = 300;
export const STEPS_MAX = 30;

/** What the plan builder posts: the whole draft, with the version and revision it started from. */
export interface DraftInput {
	planId: string;
	version: number;
	revision: number;
	goal: string;
	reviewDate: string | null;
	steps: DraftStep[];
}

/**
 * What stops a draft from being shared, per form field: a goal, at least one step, and a
 * title for every step. A draft may be saved half-done; the client only gets whole plans.
 */
export function shareProblems(draft: {
	goal: string;
	steps: { title: string }[];
}): Record<string, string> {
	const problems: Record<string, string> = {};
	if (!draft.goal.trim()) problems.goal = 'km.errors.goalMissing';
	if (draft.steps.length === 0) problems.steps = 'km.errors.noSteps';
	draft.steps.forEach((s, i) => {
		if (!s.title.trim()) problems[`title-${i}`] = 'km.errors.stepTitleMissing';
	});
	return problems;
}

export type EditOp =
	{ op: 'save' } | { op: 'add' } | { op: 'up' | 'down' | 'remove'; index: number };

/** Applies a button of the plan builder (add, move up or down, remove) to the steps. */
export function applyOp(steps: DraftStep[], op: EditOp): DraftStep[] {
	const next = [...steps];
	if (op.op === 'add') {
		next.push({ key: randomUUID(), title: '', owner: 'client', dueDate: null, instrumentId: null });
	} else if (op.op === 'remove') {
		next.splice(op.index, 1);
	} else if (op.op === 'up' || op.op === 'down') {
		const to = op.op === 'up' ? op.index - 1 : op.index + 1;
		if (to >= 0 && to < next.length && op.index < next.length) {
			[next[op.index], next[to]] = [next[to]!, next[op.index]!];
		}
	}
	return next;
}
