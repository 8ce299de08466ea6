export type Script = 'arabic' | 'ethiopic';

/**
 * The script a language is written in, where system fonts may not cover it. Its web font
 * (scripts.css) is declared on every page with a unicode-range, so it is fetched only when the
 * page shows that script and the phone has no font for it.
 */
export function scriptOf(lang: string): Script | null {
	if (lang === 'ar' || lang === 'fa' || lang === 'prs') return 'arabic';
	if (lang === 'ti') return 'ethiopic';
	return null;
}
