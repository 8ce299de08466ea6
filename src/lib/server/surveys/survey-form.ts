import { z } from 'zod';
import { OPEN_ANSWER_MAX } from '$lib/actions/schema';
import type { FieldErrors } from '../../forms/errors';
import type { SurveyItem } from './survey-answers';

export interface SurveyStepState {
	index: number;
	answers: Record<string, number>;
	open: string;
	errors?: FieldErrors;
}

const stepForm = z.object({
	index: z.coerce.number().int().min(0),
	move: z.enum(['next', 'back', 'skip'])
});

/**
 * One screen of the survey posted without JavaScript: the answers so far (hidden `a.<code>`
 * fields), the answer on this screen and where to go. Gives the next screen, or `send` after
 * the last one. What was typed comes back on an error.
 */
export function readSurveyStep(
	items: SurveyItem[],
	form: FormData
): { ok: true; send: boolean; state: SurveyStepState } | { ok: false; state: SurveyStepState } {
	const answers: Record<string, number> = {};
	for (const item of items) {
		const raw = form.get(`a.${item.code}`);
		const value = typeof raw === 'string' && /^\d{1,2}$/.test(raw) ? Number(raw) : null;
		if (value !== null && fits(item, value)) answers[item.code] = value;
	}
	const open = String(form.get('open') ?? '');
	const parsed = stepForm.safeParse({ index: form.get('index'), move: form.get('move') });
	const index = parsed.success ? Math.min(parsed.data.index, items.length - 1) : 0;
	const state: SurveyStepState = { index, answers, open };
	if (!parsed.success)
		return { ok: false, state: { ...state, errors: { form: { key: 'errors.invalid' } } } };
	const item = items[index]!;
	const { move } = parsed.data;
	if (item.type === 'open') {
		if (move !== 'back' && [...open.trim()].length > OPEN_ANSWER_MAX) {
			return {
				ok: false,
				state: {
					...state,
					errors: { open: { key: 'errors.tooLong', values: { max: OPEN_ANSWER_MAX } } }
				}
			};
		}
		if (move === 'skip') state.open = '';
	} else {
		const raw = form.get('answer');
		delete answers[item.code];
		if (move !== 'skip' && typeof raw === 'string' && raw !== '') {
			const value = /^\d{1,2}$/.test(raw) ? Number(raw) : -1;
			if (!fits(item, value)) {
				return {
					ok: false,
					state: { ...state, errors: { answer: { key: 'survey.errors.choose' } } }
				};
			}
			answers[item.code] = value;
		}
	}
	if (move === 'back')
		return { ok: true, send: false, state: { ...state, index: Math.max(0, index - 1) } };
	if (index === items.length - 1) return { ok: true, send: true, state };
	return { ok: true, send: false, state: { ...state, index: index + 1 } };
}

function fits(item: SurveyItem, value: number): boolean {
	if (item.type === 'agree5') return value >= 0 && value <= 5;
	if (item.type === 'grade10') return value >= 1 && value <= 10;
	return false;
}
