import { describe, expect, it } from 'vitest';
import { readSurveyStep } from './survey-form';
import type { SurveyItem } from './survey-answers';

const items: SurveyItem[] = [
	{ code: 'serious', type: 'agree5' },
	{ code: 'grade', type: 'grade10' },
	{ code: 'open', type: 'open' }
];

function form(values: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

describe('readSurveyStep (the survey without JavaScript)', () => {
	it('goes to the next screen with the answer kept', () => {
		expect(readSurveyStep(items, form({ index: '0', move: 'next', answer: '4' }))).toEqual({
			ok: true,
			send: false,
			state: { index: 1, answers: { serious: 4 }, open: '' }
		});
	});

	it('goes back and forgets nothing; skipping drops only this answer', () => {
		const back = readSurveyStep(
			items,
			form({ index: '1', move: 'back', 'a.serious': '0', answer: '7' })
		);
		expect(back).toMatchObject({ state: { index: 0, answers: { serious: 0, grade: 7 } } });
		const skip = readSurveyStep(
			items,
			form({ index: '1', move: 'skip', 'a.serious': '2', answer: '7' })
		);
		expect(skip).toMatchObject({ state: { index: 2, answers: { serious: 2 } } });
	});

	it('sends after the last screen', () => {
		const r = readSurveyStep(
			items,
			form({ index: '2', move: 'next', 'a.serious': '5', 'a.grade': '9', open: 'Dank' })
		);
		expect(r).toEqual({
			ok: true,
			send: true,
			state: { index: 2, answers: { serious: 5, grade: 9 }, open: 'Dank' }
		});
	});

	it('shows a message next to the field for a value off the scale, and keeps the rest', () => {
		const r = readSurveyStep(
			items,
			form({ index: '1', move: 'next', 'a.serious': '3', answer: '11' })
		);
		expect(r).toEqual({
			ok: false,
			state: {
				index: 1,
				answers: { serious: 3 },
				open: '',
				errors: { answer: { key: 'survey.errors.choose' } }
			}
		});
	});

	it('keeps an over-long open answer to show it again', () => {
		const text = 'a'.repeat(1001);
		const r = readSurveyStep(items, form({ index: '2', move: 'next', open: text }));
		expect(r).toMatchObject({
			ok: false,
			state: { open: text, errors: { open: { key: 'errors.tooLong' } } }
		});
	});
});
