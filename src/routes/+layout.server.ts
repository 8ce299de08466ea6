import { building } from '$app/environment';
import { env } from '$lib/server/env';
import { directionOf, languageInfo } from '$lib/i18n/languages';
import { LANGUAGES_WITH_MESSAGES, messagesForPage } from '$lib/i18n/messages.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	// Prerendered pages (the offline page) have no request, person or database.
	const lang = building ? 'nl' : locals.lang;
	const user = building ? null : locals.user;
	return {
		lang,
		dir: directionOf(lang),
		messages: messagesForPage(lang, user?.roles ?? []),
		languages: (building ? LANGUAGES_WITH_MESSAGES : locals.languages).map((code) => ({
			code,
			name: languageInfo(code).name
		})),
		dienstName: building ? 'Wegwijs' : env().DIENST_NAME,
		user: user
			? {
					id: user.id,
					displayName: user.displayName,
					roles: user.roles,
					preferences: user.preferences
				}
			: null
	};
};
