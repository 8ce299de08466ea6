import { requireRole } from '$lib/server/kit/guard';
import * as contentAdmin from '$lib/server/content/content-admin';
import * as planLanguage from '$lib/server/plans/plan-language';
import { MESSAGES } from '$lib/i18n/messages.server';
import { MESSAGE_STATUS } from '$lib/i18n/message-status';
import { LANGUAGES } from '$lib/i18n/languages';
import type { Messages } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const keysOf = (m: Messages, prefix = ''): string[] =>
	Object.entries(m).flatMap(([k, v]) =>
		typeof v === 'string'
			? [prefix + k.replace(/_(zero|one|two|few|many|other)$/, '')]
			: keysOf(v, `${prefix}${k}.`)
	);

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const source = new Set(keysOf(MESSAGES.nl!));
	const ui = LANGUAGES.map(({ code, name }) => {
		const messages = MESSAGES[code];
		const have = new Set(messages ? keysOf(messages) : []);
		return {
			language: code,
			name,
			keys: have.size,
			missing: [...source].filter((k) => !have.has(k)).length,
			status: messages ? (MESSAGE_STATUS[code] ?? 'concept') : null
		};
	});
	const rows = await contentAdmin.listContent(locals.db);
	const content = contentAdmin
		.translationCounts(
			rows,
			LANGUAGES.map((l) => l.code)
		)
		.map((c) => ({ ...c, name: LANGUAGES.find((l) => l.code === c.language)!.name }));
	const templates = (
		await planLanguage.templateTranslationStatus(
			locals.db,
			LANGUAGES.map((l) => l.code)
		)
	).map((t) => ({ ...t, name: LANGUAGES.find((l) => l.code === t.language)!.name }));
	return { ui, content, templates };
};
