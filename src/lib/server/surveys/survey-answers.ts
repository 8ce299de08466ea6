import { OPEN_ANSWER_MAX } from '../../actions/schema';

export type SurveyItem = { code: string; type: 'agree5' | 'grade10' | 'open' };

/** 1 = helemaal mee oneens … 5 = helemaal mee eens; 0 = weet ik niet. */
export const AGREE_VALUES = [5, 4, 3, 2, 1, 0] as const;
export const DONT_KNOW = 0;

/**
 * Checks an answer set against the survey's items: only its own items, agreement 0–5, grade
 * 1–10, the open answer trimmed and at most 1000 characters. Skipped items are simply absent.
 */
export function cleanAnswers(
	items: SurveyItem[],
	answers: Record<string, number>,
	open: string | null | undefined
):
	| { ok: true; answers: Record<string, number>; open: string | null }
	| { ok: false; error: 'invalid_answer' | 'too_long' } {
	const byCode = new Map(items.map((i) => [i.code, i]));
	const out: Record<string, number> = {};
	for (const [code, value] of Object.entries(answers)) {
		const item = byCode.get(code);
		if (!item || !Number.isInteger(value)) return { ok: false, error: 'invalid_answer' };
		if (item.type === 'agree5' && (value < 0 || value > 5))
			return { ok: false, error: 'invalid_answer' };
		if (item.type === 'grade10' && (value < 1 || value > 10))
			return { ok: false, error: 'invalid_answer' };
		if (item.type === 'open') return { ok: false, error: 'invalid_answer' };
		out[code] = value;
	}
	const text = (open ?? '').trim();
	if ([...text].length > OPEN_ANSWER_MAX) return { ok: false, error: 'too_long' };
	if (text && !items.some((i) => i.type === 'open')) return { ok: false, error: 'invalid_answer' };
	return { ok: true, answers: out, open: text || null };
}
