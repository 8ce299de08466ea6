import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import * as norms from './norms';
import { parseForm } from '../../forms/form-data';

// The norms page, shared by /rapportage/normen (reporter) and /beheer/normen (admin).

const yearParam = z.coerce.number().int().min(2000).max(2100);

export async function loadNorms(locals: App.Locals, url: URL) {
	const raw = url.searchParams.get('jaar');
	const parsed = yearParam.safeParse(raw ?? new Date().getUTCFullYear());
	const year = parsed.success ? parsed.data : new Date().getUTCFullYear();
	return {
		year,
		badYear: raw !== null && !parsed.success,
		norms: await norms.normsForYear(locals.db, year),
		indicators: norms.NORM_INDICATORS.map((i) => ({ ...i }))
	};
}

export async function saveNorm(locals: App.Locals, form: FormData, userId: string) {
	const indicator = norms.indicatorOf(String(form.get('indicator') ?? ''));
	const values = Object.fromEntries(
		[...form].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)])
	);
	if (!indicator) {
		return fail(400, { values, errors: { indicator: { key: 'report.norms.errors.indicator' } } });
	}
	const parsed = parseForm(norms.normFormSchema(indicator), form);
	if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
	await norms.setNorm(locals.db, { indicator: indicator.code, userId, ...parsed.data });
	return { saved: indicator.code };
}

export async function removeNorm(locals: App.Locals, form: FormData, userId: string) {
	const parsed = z
		.object({ indicator: z.string().max(40), year: yearParam })
		.safeParse(Object.fromEntries(form));
	if (!parsed.success) return fail(400, { errors: { form: { key: 'errors.invalid' } } });
	await norms.removeNorm(locals.db, parsed.data.indicator, parsed.data.year, userId);
	return { removed: parsed.data.indicator };
}
