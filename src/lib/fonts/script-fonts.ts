import arabic from './arabic.css?url';
import ethiopic from './ethiopic.css?url';

export type Script = 'arabic' | 'ethiopic';

/** The script a language is written in, where system fonts may not cover it. */
export function scriptOf(lang: string): Script | null {
	if (lang === 'ar' || lang === 'fa' || lang === 'prs') return 'arabic';
	if (lang === 'ti') return 'ethiopic';
	return null;
}

const STYLESHEETS: Record<Script, string> = { arabic, ethiopic };

/**
 * The stylesheet with the web font for a language's script, or null when system fonts cover
 * it (Latin, Cyrillic). Linked from the page head only for that language, so Dutch pages
 * never load an Arabic or Ethiopic font.
 */
export function scriptFontFor(lang: string): string | null {
	const script = scriptOf(lang);
	return script ? STYLESHEETS[script] : null;
}
