import { directionOf, isLanguage, type Language } from '../../i18n/languages';
import { showDate } from '../../dates';
import { MESSAGES, translatorFor } from '../../i18n/messages.server';

export type LetterFacts = {
	code: string;
	expiresAt: string;
	name: string;
	clientNumber: string;
	gemeente: string;
	klantmanager: { name: string; phone: string | null } | null;
};

/** The words of the activation letter in one language. */
export function letterIn(lang: Language, facts: LetterFacts, origin: string) {
	const t = translatorFor(lang);
	return {
		lang,
		dir: directionOf(lang),
		code: facts.code,
		clientNumber: facts.clientNumber,
		title: t('km.letter.title'),
		greeting: t('km.letter.greeting', { name: facts.name }),
		intro: t('km.letter.intro'),
		steps: [
			t('km.letter.step1', { url: `${origin}/activeren` }),
			t('km.letter.step2'),
			t('km.letter.step3')
		],
		codeLabel: t('km.letter.code'),
		numberLabel: t('km.letter.clientNumber'),
		expires: t('km.letter.expires', { date: showDate(lang, facts.expiresAt, 'long') }),
		help: t('km.letter.help', {
			name: facts.klantmanager?.name ?? '',
			phone: facts.klantmanager?.phone ?? ''
		}),
		closing: t('km.letter.closing', { gemeente: facts.gemeente })
	};
}

/**
 * The letter in the client's language (when Wegwijs has it) and, for a client who reads
 * another language, the same letter in Dutch after it: the people who help them (family, a
 * volunteer, a counter clerk) often read only Dutch.
 */
export function lettersFor(clientLanguage: string, facts: LetterFacts, origin: string) {
	const lang: Language =
		isLanguage(clientLanguage) && MESSAGES[clientLanguage] ? clientLanguage : 'nl';
	const own = letterIn(lang, facts, origin);
	return { letter: own, dutch: lang === 'nl' ? null : letterIn('nl', facts, origin) };
}
