import type { Language } from './languages';

/**
 * Review status of the UI strings per language. Dutch is the source; every translation is a
 * draft until a native speaker has checked it, and says so in /beheer. Add a language here
 * as 'checked' only after that check.
 */
export const MESSAGE_STATUS: Partial<Record<Language, 'source' | 'concept' | 'checked'>> = {
	nl: 'source'
};
