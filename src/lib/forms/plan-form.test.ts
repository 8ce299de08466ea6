import { describe, expect, it } from 'vitest';
import { GOAL_MAX, STEP_TITLE_MAX, STEPS_MAX } from '$lib/server/plans/plan-draft-rules';
import { parsePlanForm } from './plan-form';

const PLAN = '0b7c1c3e-5f7e-4a57-9a63-3f0f7c9b1a01';
const KEY = (i: number) => `0b7c1c3e-5f7e-4a57-9a63-3f0f7c9b1b0${i}`;
const INSTRUMENT = '0b7c1c3e-5f7e-4a57-9a63-3f0f7c9b1c01';

function form(values: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

const head = { planId: PLAN, version: '1', revision: '3', goal: ' Werk vinden ', reviewDate: '' };
const step = (i: number, extra: Record<string, string> = {}) => ({
	[`key-${i}`]: KEY(i),
	[`title-${i}`]: `Stap ${i}`,
	[`owner-${i}`]: 'client',
	[`due-${i}`]: '',
	[`instrument-${i}`]: '',
	...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${k}-${i}`, v]))
});

describe('parsePlanForm', () => {
	it('reads the head and the numbered steps in order, empty dates and instruments as null', () => {
		const r = parsePlanForm(
			form({
				...head,
				count: '2',
				op: 'save',
				...step(0, { due: '2027-01-15', instrument: INSTRUMENT }),
				...step(1, { owner: 'partner' })
			})
		);
		expect(r).toEqual({
			ok: true,
			data: {
				op: { op: 'save' },
				input: {
					planId: PLAN,
					version: 1,
					revision: 3,
					goal: 'Werk vinden',
					reviewDate: null,
					steps: [
						{
							key: KEY(0),
							title: 'Stap 0',
							owner: 'client',
							dueDate: '2027-01-15',
							instrumentId: INSTRUMENT
						},
						{ key: KEY(1), title: 'Stap 1', owner: 'partner', dueDate: null, instrumentId: null }
					]
				}
			}
		});
	});

	it('reads which button was pressed; no button is save', () => {
		const op = (o?: string) => {
			const r = parsePlanForm(form({ ...head, count: '0', ...(o ? { op: o } : {}) }));
			return r.ok ? r.data.op : r.errors;
		};
		expect(op()).toEqual({ op: 'save' });
		expect(op('share')).toEqual({ op: 'share' });
		expect(op('add')).toEqual({ op: 'add' });
		expect(op('up:2')).toEqual({ op: 'up', index: 2 });
		expect(op('down:0')).toEqual({ op: 'down', index: 0 });
		expect(op('remove:11')).toEqual({ op: 'remove', index: 11 });
		expect(op('drop:1')).toEqual({ op: { key: 'errors.invalid', values: { max: GOAL_MAX } } });
	});

	it('refuses a goal that is too long, and keeps everything as typed', () => {
		const goal = 'x'.repeat(GOAL_MAX + 1);
		const r = parsePlanForm(form({ ...head, goal, count: '1', ...step(0) }));
		expect(r).toEqual({
			ok: false,
			errors: { goal: { key: 'errors.tooLong', values: { max: GOAL_MAX } } },
			values: { ...head, goal, count: '1', ...step(0) }
		});
	});

	it('names the field of a bad step by its number, one error per step', () => {
		const r = parsePlanForm(
			form({
				...head,
				count: '3',
				...step(0, { title: 'y'.repeat(STEP_TITLE_MAX + 1) }),
				...step(1, { owner: 'buurman' }),
				...step(2, { due: '15-01-2027' })
			})
		);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors).toEqual({
			'title-0': { key: 'errors.tooLong', values: { max: STEP_TITLE_MAX } },
			'owner-1': { key: 'errors.invalid' },
			'due-2': { key: 'errors.invalid' }
		});
	});

	it('refuses a missing revision, a bad plan id and more steps than allowed', () => {
		const r = parsePlanForm(
			form({ planId: 'nope', version: '1', count: String(STEPS_MAX + 1), goal: '' })
		);
		expect(r.ok).toBe(false);
		expect(Object.keys(!r.ok ? r.errors : {}).sort()).toEqual(['count', 'planId', 'revision']);
	});

	it('ignores uploaded files instead of reading them as text', () => {
		const f = form({ ...head, count: '1', ...step(0) });
		f.set('title-0', new Blob(['Stap']), 'stap.txt');
		const r = parsePlanForm(f);
		expect(r.ok).toBe(true);
		expect(r.ok && r.data.input.steps[0]!.title).toBe('');
	});
});
