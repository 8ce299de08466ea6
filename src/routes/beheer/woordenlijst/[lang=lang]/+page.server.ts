import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import * as contentAdmin from '$lib/server/content/content-admin';
import * as glossary from '$lib/server/content/glossary';
import * as glossaryAdmin from '$lib/server/content/glossary-admin';
import { entrySchema, entryTargetSchema } from '$lib/server/content/glossary-form';
import { LANGUAGES, languageInfo, type Language } from '$lib/i18n/languages';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const me = requireRole(locals, 'admin', url);
	const language = params.lang as Language;
	const [entries, all, reviewer] = await Promise.all([
		glossaryAdmin.entriesOf(locals.db, language),
		glossary.listGlossary(locals.db),
		contentAdmin.reviewerFor(locals.db, me.id, language)
	]);
	const [counts] = glossary.glossaryCounts(all, [language]);
	return {
		language,
		languageName: languageInfo(language).name,
		languages: LANGUAGES.map((l) => ({ code: l.code, name: l.name })),
		entries: entries.map(({ editedById, ...e }) => ({ ...e, editedLast: editedById === me.id })),
		missing: counts?.missing ?? [],
		canCheck: !!reviewer
	};
};

/** What the editor typed, to show again. */
function typed(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string') values[k] = v;
	return values;
}

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const data = await postedForm(request);
		const form = parseForm(entrySchema, data);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const outcome = await glossaryAdmin.saveEntry(
			locals.db,
			{ ...form.data, language: params.lang, baseUpdatedAt: form.data.baseUpdatedAt || null },
			admin.id
		);
		if (outcome === 'conflict')
			return fail(409, {
				errors: fieldError('explanation', 'admin.glossary.errors.conflict'),
				values: typed(data)
			});
		return { saved: form.data.term };
	},

	check: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(entryTargetSchema, await postedForm(request));
		if (!form.ok) return fail(400, { entryError: 'notFound' as const });
		const outcome = await glossaryAdmin.checkEntry(
			locals.db,
			{ language: params.lang, term: form.data.term },
			admin.id
		);
		if (outcome !== 'checked')
			return fail(outcome === 'notFound' ? 404 : 403, { entryError: outcome });
		return { checked: form.data.term };
	},

	remove: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(entryTargetSchema, await postedForm(request));
		if (!form.ok) return fail(400, { entryError: 'notFound' as const });
		const outcome = await glossaryAdmin.removeEntry(
			locals.db,
			{ language: params.lang, term: form.data.term },
			admin.id
		);
		if (!outcome.ok)
			return outcome.error === 'inUse'
				? fail(409, { entryError: outcome.error, term: form.data.term, texts: outcome.texts })
				: fail(404, { entryError: outcome.error });
		return { removed: form.data.term };
	}
};
