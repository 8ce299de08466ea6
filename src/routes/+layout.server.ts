import { building } from '$app/environment';
import { env } from '$lib/server/env';
import { directionOf } from '$lib/i18n/languages';
import { LANGUAGES_WITH_MESSAGES } from '$lib/i18n/messages.server';
import type { LayoutServerLoad } from './$types';

// The UI strings are not part of this data (it is serialised into every page): +layout.ts
// loads them from one immutable file per language, see $lib/i18n/load.
export const load: LayoutServerLoad = ({ locals }) => {
	// Prerendered pages (the offline page) have no request, person or database.
	const lang = building ? 'nl' : locals.lang;
	const user = building ? null : locals.user;
	return {
		lang,
		dir: directionOf(lang),
		// Codes only: the names are in $lib/i18n/languages on both sides, and every byte of
		// this object is serialised into every page (devalue's uneval of nine { code, name }
		// objects cost about twice as much as of nine codes, #19).
		languages: building ? LANGUAGES_WITH_MESSAGES : locals.languages,
		dienstName: building ? 'Wegwijs' : env().DIENST_NAME,
		// Staff pages warn before the idle timeout ends the session (#14).
		staffIdleMinutes:
			user && user.roles.some((r) => r !== 'client') ? env().SESSION_STAFF_IDLE_MINUTES : null,
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
