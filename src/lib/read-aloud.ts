// Voice choice for read-aloud. A voice must match the page language; we never read Tigrinya
// or Dari text with an English or Persian voice (that is noise, not help).

const VOICE_LANGS: Record<string, string[]> = {
	prs: ['prs', 'fa-af'],
	fa: ['fa-ir', 'fa'],
	nl: ['nl-nl', 'nl-be', 'nl']
};

export function pickVoice(
	voices: Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default'>[],
	lang: string
): SpeechSynthesisVoice | null {
	const wanted = VOICE_LANGS[lang] ?? [lang];
	for (const tag of wanted) {
		const found = voices.filter((v) => {
			const l = v.lang.toLowerCase().replace('_', '-');
			return l === tag || (!tag.includes('-') && l.split('-')[0] === tag && lang !== 'prs');
		});
		// Prefer a voice on the phone itself: it works offline and sends no text anywhere.
		const best = found.find((v) => v.localService) ?? found[0];
		if (best) return best as SpeechSynthesisVoice;
	}
	return null;
}

/** One stretch of text to speak, in one language. */
export type Utterance = { text: string; lang: string };

const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, td, th, caption, figcaption, blockquote';
const SKIP =
	'button, form, audio, .visually-hidden, [aria-hidden="true"], .no-read, .read-aloud, .print-only';

/**
 * The page's content as utterances: one per block (heading, paragraph, list item…) so a heading
 * never runs into the sentence after it, split where the language changes inside a block (a
 * Dutch step title with its "(Nederlands)" marker in the page language), each with the
 * language of the element around it.
 */
export function utterancesOf(root: Element, pageLang: string): Utterance[] {
	const out: Utterance[] = [];
	const blocks = [...root.querySelectorAll(BLOCKS)].filter(
		(el) =>
			!el.closest(SKIP) &&
			!el.querySelector(BLOCKS) &&
			// Not what is hidden on screen (a closed <details>, print-only parts).
			(typeof el.checkVisibility !== 'function' || el.checkVisibility())
	);
	for (const block of blocks) {
		let current: Utterance | null = null;
		const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const parent = n.parentElement;
			if (!parent || parent.closest(SKIP)) continue;
			const text = n.textContent ?? '';
			const lang = parent.closest('[lang]')?.getAttribute('lang') || pageLang;
			if (current && current.lang === lang) current.text += text;
			else {
				if (current) out.push(current);
				current = { text, lang };
			}
		}
		if (current) out.push(current);
	}
	return out
		.map((u) => ({ ...u, text: u.text.replace(/\s+/g, ' ').trim() }))
		.filter((u) => u.text !== '');
}
