import { describe, expect, it } from 'vitest';
import { cleanAnswers, type SurveyItem } from './survey-answers';

const items: SurveyItem[] = [
	{ code: 'serious', type: 'agree5' },
	{ code: 'grade', type: 'grade10' },
	{ code: 'open', type: 'open' }
];

describe('cleanAnswers', () => {
	it('keeps valid answers, "weet ik niet" as 0, and leaves skipped items out', () => {
		expect(cleanAnswers(items, { serious: 0 }, '  Fijn  ')).toEqual({
			ok: true,
			answers: { serious: 0 },
			open: 'Fijn'
		});
		expect(cleanAnswers(items, {}, '   ')).toEqual({ ok: true, answers: {}, open: null });
	});

	it('refuses items the survey does not have and values off the scale', () => {
		expect(cleanAnswers(items, { other: 3 }, null)).toEqual({ ok: false, error: 'invalid_answer' });
		expect(cleanAnswers(items, { serious: 6 }, null).ok).toBe(false);
		expect(cleanAnswers(items, { grade: 0 }, null).ok).toBe(false);
		expect(cleanAnswers(items, { grade: 11 }, null).ok).toBe(false);
		expect(cleanAnswers(items, { open: 3 }, null).ok).toBe(false);
	});

	it('refuses an open answer over 1000 characters, counting characters not bytes', () => {
		expect(cleanAnswers(items, {}, 'ش'.repeat(1000)).ok).toBe(true);
		expect(cleanAnswers(items, {}, 'ش'.repeat(1001))).toEqual({ ok: false, error: 'too_long' });
	});

	it('refuses an open answer for a survey without an open question', () => {
		expect(cleanAnswers([items[0]!], {}, 'tekst')).toEqual({ ok: false, error: 'invalid_answer' });
	});
});
