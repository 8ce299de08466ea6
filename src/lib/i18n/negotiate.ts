import { isLanguage, SOURCE_LANGUAGE, type Language } from './languages';

/**
 * The language for a request: the signed-in user's stored preference, then the cookie,
 * then Accept-Language, then Dutch. Only languages the dienst has switched on count.
 */
export function negotiateLanguage(input: {
	userPreference?: string | null;
	cookie?: string | null;
	acceptLanguage?: string | null;
	enabled: readonly Language[];
}): Language {
	const ok = (v: unknown): v is Language => isLanguage(v) && input.enabled.includes(v);
	if (ok(input.userPreference)) return input.userPreference;
	if (ok(input.cookie)) return input.cookie;
	for (const tag of parseAcceptLanguage(input.acceptLanguage ?? '')) {
		const base = tag.toLowerCase().split('-')[0];
		// Dari is usually sent as fa-AF; prs itself is rare in Accept-Language.
		if (tag.toLowerCase() === 'fa-af' && ok('prs')) return 'prs';
		if (ok(base)) return base;
	}
	return SOURCE_LANGUAGE;
}

function parseAcceptLanguage(header: string): string[] {
	return header
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((x) => x.tag && x.q > 0)
		.sort((a, b) => b.q - a.q)
		.map((x) => x.tag);
}
