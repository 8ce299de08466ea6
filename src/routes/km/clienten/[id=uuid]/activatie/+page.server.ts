import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as activation from '$lib/server/auth/activation-letter';
import { directionOf, isLanguage } from '$lib/i18n/languages';
import { showDate } from '$lib/dates';
import { MESSAGES, translatorFor } from '$lib/i18n/messages.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	await inCaseload(locals, () => caseload.openClient(locals.db, staff, params.id, 'activation'));
	const header = await clientFile.headerOf(locals.db, params.id);
	if (!header) error(404, locals.t('errors.notFound'));
	return { client: header };
};

export const actions: Actions = {
	default: async ({ locals, params, url }) => {
		const staff = requireRole(locals, 'klantmanager');
		const letter = await inCaseload(locals, () =>
			activation.issueLetter(locals.db, staff, params.id)
		);
		if (!letter) error(404, locals.t('errors.notFound'));
		// The letter is in the client's language (when Wegwijs has it), whatever the staff reads.
		const lang = isLanguage(letter.language) && MESSAGES[letter.language] ? letter.language : 'nl';
		const t = translatorFor(lang);
		const expires = showDate(lang, letter.expiresAt, { dateStyle: 'long' });
		return {
			letter: {
				lang,
				dir: directionOf(lang),
				code: letter.code,
				clientNumber: letter.clientNumber,
				title: t('km.letter.title'),
				greeting: t('km.letter.greeting', { name: letter.name }),
				intro: t('km.letter.intro'),
				steps: [
					t('km.letter.step1', { url: `${url.origin}/activeren` }),
					t('km.letter.step2'),
					t('km.letter.step3')
				],
				codeLabel: t('km.letter.code'),
				numberLabel: t('km.letter.clientNumber'),
				expires: t('km.letter.expires', { date: expires }),
				help: t('km.letter.help', {
					name: letter.klantmanager?.name ?? '',
					phone: letter.klantmanager?.phone ?? ''
				}),
				closing: t('km.letter.closing', { gemeente: letter.gemeente })
			}
		};
	}
};
