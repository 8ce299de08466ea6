import { requireRole } from '$lib/server/auth/guard';
import { contentTextStatus } from '$lib/server/domain/translation-status';
import { MESSAGES } from '$lib/i18n/messages.server';
import { MESSAGE_STATUS } from '$lib/i18n/message-status';
import { languageInfo, type Language } from '$lib/i18n/languages';
import type { Messages } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const countKeys = (m: Messages): number =>
	Object.values(m).reduce((n, v) => n + (typeof v === 'string' ? 1 : countKeys(v)), 0);

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const ui = (Object.keys(MESSAGES) as Language[]).map((lang) => ({
		language: lang,
		name: languageInfo(lang).name,
		keys: countKeys(MESSAGES[lang]!),
		status: MESSAGE_STATUS[lang] ?? 'concept'
	}));
	return { ui, content: await contentTextStatus(locals.db) };
};
