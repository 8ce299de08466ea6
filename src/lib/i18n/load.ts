import { loaders } from 'virtual:wegwijs-messages';
import type { Messages } from './index';
import type { Language } from './languages';
import type { MessagesPart } from './parts';

const cache = new Map<string, Promise<Messages>>();

/**
 * The UI strings of a language, for the pages (server render and browser alike): the client
 * part, plus the staff part for staff. Each part is a separate immutable file in the browser,
 * loaded once; a language without a messages file gets Dutch.
 */
export function loadMessages(lang: Language, staff: boolean): Promise<Messages> {
	const key = `${lang}:${staff}`;
	let found = cache.get(key);
	if (!found) {
		const parts = loaders[lang] ?? loaders.nl!;
		const wanted: MessagesPart[] = staff ? ['client', 'staff'] : ['client'];
		found = Promise.all(wanted.map((p) => parts[p]().then((m) => m.default))).then((all) =>
			Object.assign({}, ...all)
		);
		// A failed download (offline, no precache yet) is tried again next time.
		found.catch(() => cache.delete(key));
		cache.set(key, found);
	}
	return found;
}
