import nl from 'hyphen/nl/index.js';
import { withoutTermMarks } from '../../content/glossary-terms';

// Readability of a Dutch text (issue 17): sentence lengths, the share of long words and the
// Flesch-Douma score, with syllables counted by the Dutch hyphenation patterns of the
// `hyphen` package. The B1 limits and why are in docs/READABILITY.md.

export interface Readability {
	sentences: number;
	words: number;
	averageSentenceLength: number;
	longestSentence: { words: number; text: string };
	/** Share (0–1) of words with three or more syllables. */
	longWordShare: number;
	fleschDouma: number;
}

export const B1_LIMITS = {
	averageSentenceLength: 10,
	longestSentence: 20,
	longWordShare: 0.25,
	fleschDouma: 65
} as const;

const HYPHEN = '\u2027';

/** Syllables of one word: pieces between the hyphenation points, at least one. */
export function syllables(word: string): number {
	const lower = word.toLowerCase();
	return Math.max(
		1,
		nl.hyphenateSync(lower, { hyphenChar: HYPHEN, minWordLength: 1 }).split(HYPHEN).length
	);
}

/** The sentences a reader sees: headings left out, list items and lines each on their own. */
export function sentencesOf(markdown: string): string[] {
	return markdown
		.split('\n')
		.filter((line) => !/^\s*#/.test(line))
		.map((line) =>
			line
				.replace(/^\s*[-*]\s+/, '')
				.replace(/\*\*/g, '')
				.trim()
		)
		.filter(Boolean)
		.flatMap((line) => line.split(/(?<=[.!?:])\s+/))
		.map((s) => s.trim())
		.filter((s) => wordsOf(s).length > 0);
}

export function wordsOf(sentence: string): string[] {
	return sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
}

export function measure(markdown: string): Readability {
	const sentences = sentencesOf(withoutTermMarks(markdown));
	const perSentence = sentences.map((s) => ({ text: s, words: wordsOf(s) }));
	const words = perSentence.flatMap((s) => s.words);
	const counts = words.map(syllables);
	const totalSyllables = counts.reduce((a, b) => a + b, 0);
	const averageSentenceLength = words.length / Math.max(1, sentences.length);
	const longest = perSentence.reduce(
		(max, s) => (s.words.length > max.words ? { words: s.words.length, text: s.text } : max),
		{ words: 0, text: '' }
	);
	return {
		sentences: sentences.length,
		words: words.length,
		averageSentenceLength,
		longestSentence: longest,
		longWordShare: counts.filter((c) => c >= 3).length / Math.max(1, words.length),
		fleschDouma:
			206.84 -
			0.77 * ((100 * totalSyllables) / Math.max(1, words.length)) -
			0.93 * averageSentenceLength
	};
}

/** What is above the B1 limits, as readable lines; empty when the text is fine. */
export function b1Problems(r: Readability, limits = B1_LIMITS): string[] {
	const problems: string[] = [];
	if (r.averageSentenceLength > limits.averageSentenceLength)
		problems.push(
			`average sentence ${r.averageSentenceLength.toFixed(1)} words > ${limits.averageSentenceLength}`
		);
	if (r.longestSentence.words > limits.longestSentence)
		problems.push(
			`longest sentence ${r.longestSentence.words} words > ${limits.longestSentence}: "${r.longestSentence.text}"`
		);
	if (r.longWordShare > limits.longWordShare)
		problems.push(
			`${(r.longWordShare * 100).toFixed(0)}% words of 3+ syllables > ${limits.longWordShare * 100}%`
		);
	if (r.fleschDouma < limits.fleschDouma)
		problems.push(`Flesch-Douma ${r.fleschDouma.toFixed(0)} < ${limits.fleschDouma}`);
	return problems;
}
