import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { toBlocks } from '$lib/server/content/markdown';
import * as contentAdmin from '$lib/server/content/content-admin';
import * as contentAudio from '$lib/server/content/content-audio';
import { contentEditSchema, versionSchema } from '$lib/server/content/content-edit-schema';
import * as glossary from '$lib/server/content/glossary';
import * as versions from '$lib/server/content/topic-versions';
import { fieldError } from '$lib/forms/errors';
import { languageInfo, type Language } from '$lib/i18n/languages';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

const gemeenteSchema = z
	.string()
	.regex(/^[a-z0-9-]{1,40}$/)
	.nullable();

/** `?versie=2027-01-01`: a dated version of the topic's dienst-wide text. */
const versionParamSchema = z.iso.date().nullable();

function target(params: { kind: string; code: string; lang: string }, url: URL) {
	const gemeente = gemeenteSchema.safeParse(url.searchParams.get('gemeente'));
	const version = versionParamSchema.safeParse(url.searchParams.get('versie'));
	if (!gemeente.success || !version.success) error(404, 'not found');
	const isTopic = params.kind === 'onderwerp';
	if (version.data && (!isTopic || gemeente.data)) error(404, 'not found');
	return {
		kind: (isTopic ? 'topic' : 'instrument') as contentAdmin.ContentKind,
		code: params.code,
		language: params.lang as Language,
		gemeenteCode: isTopic ? gemeente.data : null,
		validFrom: version.data
	};
}

/** The uploaded file: a File with at least one byte (a form without a file sends an empty one). */
const audioFileSchema = z.instanceof(File).refine((f) => f.size > 0);

/** What the editor typed, to show again: nothing is lost on an error or a preview. */
function typed(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of data) if (typeof v === 'string') values[k] = v;
	return values;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, 'admin', url);
	const t = target(params, url);
	const text = await contentAdmin.getEditableText(
		locals.db,
		t.kind,
		t.code,
		t.language,
		t.gemeenteCode,
		{ validFrom: t.validFrom }
	);
	if (!text) error(404, locals.t('errors.notFound'));
	const gemeenten = t.kind === 'topic' ? await contentAdmin.listGemeenten(locals.db) : [];
	const me = locals.user!;
	return {
		text,
		canCheck: !!(await contentAdmin.reviewerFor(locals.db, me.id, t.language)),
		editedLast: text.text?.editedById === me.id,
		gemeenten,
		languageName: languageInfo(t.language).name,
		audio:
			t.gemeenteCode === null && !t.validFrom ? await contentAudio.audioInfo(locals.db, t) : null,
		audioMax: contentAudio.AUDIO_MAX_BYTES,
		preview: toBlocks(text.text?.body ?? '')
	};
};

/** A [[term]] without an entry in the text's language: refused, with what was typed kept. */
function unknownTermError(terms: string[], data: FormData) {
	return {
		errors: fieldError('body', 'admin.content.unknownTerm', { term: terms.join(', ') }),
		values: typed(data)
	};
}

export const actions: Actions = {
	schedule: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const t = target(params, url);
		if (t.kind !== 'topic' || t.gemeenteCode !== null || t.validFrom)
			error(404, locals.t('errors.notFound'));
		const data = await postedForm(request);
		const form = parseForm(versionSchema, data);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const d = form.data;
		const unknown = await glossary.unknownTerms(locals.db, t.language, d.body);
		if (unknown.length) return fail(400, unknownTermError(unknown, data));
		const outcome = await versions.scheduleVersion(
			locals.db,
			{ ...d, code: t.code, language: t.language, legalBasis: d.legalBasis ?? null },
			admin.id
		);
		if (outcome === 'notFound') error(404, locals.t('errors.notFound'));
		if (outcome !== 'saved')
			return fail(409, {
				errors: fieldError('validFrom', `admin.content.${outcome}`),
				values: typed(data)
			});
		return { scheduled: d.validFrom };
	},

	save: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const t = target(params, url);
		const data = await postedForm(request);
		const form = parseForm(contentEditSchema(t.kind), data);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const d = form.data;
		const unknown = await glossary.unknownTerms(locals.db, t.language, d.body);
		if (unknown.length) return fail(400, unknownTermError(unknown, data));
		try {
			const saved = await contentAdmin.saveText(
				locals.db,
				{
					...t,
					title: d.title,
					summary: d.summary ?? null,
					body: d.body,
					published: d.published,
					legalBasis: d.legalBasis ?? null,
					baseUpdatedAt: d.baseUpdatedAt || null
				},
				admin.id
			);
			if (saved === 'notFound') error(404, locals.t('errors.notFound'));
			if (saved === 'inForce')
				return fail(409, {
					errors: fieldError('body', 'admin.content.versionInForce'),
					values: typed(data)
				});
		} catch (e) {
			if (e instanceof contentAdmin.EditConflict)
				return fail(409, { conflict: e.current, values: typed(data) });
			throw e;
		}
		return { saved: true };
	},

	preview: async ({ locals, url, request }) => {
		requireRole(locals, 'admin', url);
		const values = typed(await postedForm(request));
		return { preview: toBlocks((values.body ?? '').slice(0, 20_000)), values };
	},

	remove: async ({ locals, url, params }) => {
		const admin = requireRole(locals, 'admin', url);
		if (!(await contentAdmin.removeText(locals.db, target(params, url), admin.id)))
			return fail(400, { removeError: true });
		return { removed: true };
	},

	/** A recording of the text (multipart form): type and size are judged from the bytes. */
	audio: async ({ locals, url, params, request }) => {
		const admin = requireRole(locals, 'admin', url);
		const t = target(params, url);
		let data: FormData;
		try {
			data = await postedForm(request);
		} catch {
			return fail(400, { audioError: 'type' as const });
		}
		const file = audioFileSchema.safeParse(data.get('audio'));
		if (!file.success) return fail(400, { audioError: 'empty' as const });
		if (file.data.size > contentAudio.AUDIO_MAX_BYTES)
			return fail(400, { audioError: 'tooBig' as const });
		const bytes = new Uint8Array(await file.data.arrayBuffer());
		const saved = await contentAudio.saveAudio(locals.db, t, bytes, admin.id);
		if (!saved.ok) return fail(saved.error === 'notFound' ? 404 : 400, { audioError: saved.error });
		return { audioSaved: true };
	},

	audioCheck: async ({ locals, url, params }) => {
		const admin = requireRole(locals, 'admin', url);
		const outcome = await contentAudio.markAudioChecked(locals.db, target(params, url), admin.id);
		if (outcome === 'notFound') return fail(404, { audioCheckError: outcome });
		if (outcome !== 'checked') return fail(403, { audioCheckError: outcome });
		return { audioChecked: true };
	},

	audioRemove: async ({ locals, url, params }) => {
		const admin = requireRole(locals, 'admin', url);
		if (!(await contentAudio.removeAudio(locals.db, target(params, url), admin.id)))
			return fail(404, { audioRemoveError: true });
		return { audioRemoved: true };
	},

	check: async ({ locals, url, params }) => {
		const admin = requireRole(locals, 'admin', url);
		const outcome = await contentAdmin.markChecked(locals.db, target(params, url), admin.id);
		if (outcome === 'notFound') return fail(404, { checkError: outcome });
		if (outcome !== 'checked') return fail(403, { checkError: outcome });
		return { checked: true };
	}
};
