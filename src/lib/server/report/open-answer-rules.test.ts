import { describe, expect, it } from 'vitest';
import { visibleOpenAnswers } from './open-answer-rules';

const answers = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ text: `antwoord ${String.fromCharCode(106 - i)}` }));

describe('open answers a reporter may read', () => {
	it('nothing with 9 answers, not even the count', () => {
		expect(visibleOpenAnswers(answers(9))).toEqual({ enough: false, count: null, answers: [] });
	});

	it('all of them from 10 answers on', () => {
		const shown = visibleOpenAnswers(answers(10));
		expect(shown.enough).toBe(true);
		expect(shown.count).toBe(10);
		expect(shown.answers).toHaveLength(10);
	});

	it('in alphabetical order, never in the order they came in', () => {
		const arrived = answers(10);
		const shown = visibleOpenAnswers(arrived).answers.map((a) => a.text);
		expect(shown).toEqual([...arrived.map((a) => a.text)].reverse());
		expect(shown[0]).toBe('antwoord a');
		expect(arrived[0]!.text).toBe('antwoord j');
	});
});
