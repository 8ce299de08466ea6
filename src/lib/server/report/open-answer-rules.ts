import { THRESHOLD } from './suppression';

// Which open answers a reporter may read (docs/DOMAIN.md, "Surveys"): only when there are at
// least THRESHOLD of them, and never in the order they came in (that order could be matched
// to the moments people answered), so always sorted by their text.

export function visibleOpenAnswers<T extends { text: string }>(
	rows: readonly T[]
): { enough: false; count: null; answers: T[] } | { enough: true; count: number; answers: T[] } {
	if (rows.length < THRESHOLD) return { enough: false, count: null, answers: [] };
	const answers = [...rows].sort((a, b) => a.text.localeCompare(b.text, 'nl'));
	return { enough: true, count: answers.length, answers };
}
