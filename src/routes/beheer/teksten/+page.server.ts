import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import type { FieldErrors } from '$lib/forms/errors';
import * as contentAdmin from '$lib/server/content/content-admin';
import * as glossary from '$lib/server/content/glossary';
import * as versions from '$lib/server/content/topic-versions';
import { amsterdamDay } from '$lib/dates';
import { LANGUAGES, LANGUAGE_CODES } from '$lib/i18n/languages';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'admin', url);
	const [rows, settings, reviewers, candidates, upcoming, entries] = await Promise.all([
		contentAdmin.listContent(locals.db),
		contentAdmin.listConceptSettings(locals.db),
		contentAdmin.listReviewers(locals.db),
		contentAdmin.listReviewerCandidates(locals.db),
		versions.upcomingChanges(locals.db, amsterdamDay()),
		glossary.listGlossary(locals.db)
	]);
	return {
		upcoming,
		glossary: entries,
		glossaryCounts: glossary.glossaryCounts(entries, LANGUAGE_CODES),
		rows,
		settings,
		reviewers,
		candidates,
		languages: LANGUAGES.map((l) => ({ code: l.code, name: l.name }))
	};
};

const settingForm = z.object({
	gemeente: z.string().regex(/^[a-z0-9-]{1,40}$/),
	showConcept: z.enum(['show', 'hold'])
});
const grantForm = z.object({
	userId: z.uuid('errors.required'),
	language: z.enum(LANGUAGE_CODES, 'errors.required'),
	dienst: z.string('errors.required').trim().min(2, 'errors.required').max(120, 'errors.invalid')
});
const revokeForm = z.object({ userId: z.uuid(), language: z.enum(LANGUAGE_CODES) });

export const actions: Actions = {
	setting: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(settingForm, await postedForm(request));
		if (!form.ok) return fail(400, { settingError: true });
		const ok = await contentAdmin.setShowConcept(
			locals.db,
			form.data.gemeente,
			form.data.showConcept === 'show',
			admin.id
		);
		if (!ok) return fail(404, { settingError: true });
		return { settingSaved: form.data.gemeente };
	},

	grant: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(grantForm, await postedForm(request));
		if (!form.ok) return fail(400, { grantErrors: form.errors, values: form.values });
		if (!(await contentAdmin.grantReviewer(locals.db, form.data, admin.id))) {
			const grantErrors: FieldErrors = { userId: { key: 'admin.content.reviewerUnknown' } };
			return fail(400, { grantErrors, values: Object.fromEntries(Object.entries(form.data)) });
		}
		return { reviewerSaved: true };
	},

	revoke: async ({ locals, url, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const form = parseForm(revokeForm, await postedForm(request));
		if (!form.ok) return fail(400, { revokeError: true });
		if (!(await contentAdmin.revokeReviewer(locals.db, form.data, admin.id)))
			return fail(404, { revokeError: true });
		return { reviewerSaved: true };
	}
};
