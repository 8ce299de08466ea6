// Content marks a word that the glossary explains as [[term]], or [[term|shown words]] when
// the sentence needs another form ("[[statushouder|statushouders]]"). Browser-safe.

const TERM = /\[\[([^[\]|\n]+)(?:\|([^[\]\n]+))?\]\]/g;

export interface TermMark {
	term: string;
	shown: string;
}

/** Every marked term in a text, in order, once each. */
export function termsIn(text: string): string[] {
	return [...new Set([...text.matchAll(TERM)].map((m) => m[1]!.trim()))];
}

/** Splits plain text into text and marked terms. */
export function splitTerms(text: string): (string | TermMark)[] {
	const parts: (string | TermMark)[] = [];
	let at = 0;
	for (const m of text.matchAll(TERM)) {
		if (m.index > at) parts.push(text.slice(at, m.index));
		parts.push({ term: m[1]!.trim(), shown: (m[2] ?? m[1]!).trim() });
		at = m.index + m[0].length;
	}
	if (at < text.length) parts.push(text.slice(at));
	return parts;
}

/** The same text with the marks replaced by the words a reader sees. */
export function withoutTermMarks(text: string): string {
	return text.replace(TERM, (_, term: string, shown?: string) => (shown ?? term).trim());
}

/** The id of a term's explanation on the page, e.g. "woord-dienst-toeslagen". */
export function termAnchor(term: string): string {
	const slug = term
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `woord-${slug || 'x'}`;
}
