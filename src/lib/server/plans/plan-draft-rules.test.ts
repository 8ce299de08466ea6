import { describe, expect, it } from 'vitest';
import { applyOp, shareProblems } from './plan-draft-rules';

const step = (title: string) => ({
	key: title,
	title,
	owner: 'client' as const,
	dueDate: null,
	instrumentId: null
});

describe('plan builder buttons', () => {
	it('moves a step up and down, and not past either end', () => {
		const steps = [step('a'), step('b'), step('c')];
		expect(applyOp(steps, { op: 'up', index: 1 }).map((s) => s.title)).toEqual(['b', 'a', 'c']);
		expect(applyOp(steps, { op: 'down', index: 1 }).map((s) => s.title)).toEqual(['a', 'c', 'b']);
		expect(applyOp(steps, { op: 'up', index: 0 }).map((s) => s.title)).toEqual(['a', 'b', 'c']);
		expect(applyOp(steps, { op: 'down', index: 2 }).map((s) => s.title)).toEqual(['a', 'b', 'c']);
	});
	it('adds an empty step for the client at the end and removes one', () => {
		const added = applyOp([step('a')], { op: 'add' });
		expect(added).toHaveLength(2);
		expect(added[1]).toMatchObject({ title: '', owner: 'client' });
		expect(applyOp([step('a'), step('b')], { op: 'remove', index: 0 }).map((s) => s.title)).toEqual(
			['b']
		);
	});
});

describe('what a shared plan needs', () => {
	it('asks for a goal, a step and a title for every step', () => {
		expect(shareProblems({ goal: ' ', steps: [] })).toEqual({
			goal: 'km.errors.goalMissing',
			steps: 'km.errors.noSteps'
		});
		expect(shareProblems({ goal: 'Werk', steps: [step('a'), step('')] })).toEqual({
			'title-1': 'km.errors.stepTitleMissing'
		});
		expect(shareProblems({ goal: 'Werk', steps: [step('a')] })).toEqual({});
	});
});
