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
