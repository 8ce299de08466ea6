import type { z } from 'zod';
import type { FieldError, FieldErrors } from './errors';

export type FormResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** What was typed, as strings (passwords and other secrets left out), to show again. */
export function formValues(form: FormData, secret: string[] = []): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form)
		if (typeof value === 'string' && !secret.includes(key)) values[key] = value;
	return values;
}

/**
 * Parses form data with a zod schema. On failure it gives translatable errors per field and
 * the values as typed (passwords left out), so nothing the user typed is lost.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	opts: { secret?: string[] } = {}
): FormResult<z.infer<S>> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors = issuesToErrors(result.error);
	const values = { ...raw };
	for (const key of opts.secret ?? []) delete values[key];
	return { ok: false, errors, values };
}

/** The first problem per field, as a translatable error. */
export function issuesToErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		if (!errors[field]) errors[field] = toFieldError(issue);
	}
	return errors;
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
	if (/^([a-z]+\.)*errors\.\w+$/.test(issue.message)) return { key: issue.message };
	if (issue.code === 'too_big')
		return { key: 'errors.tooLong', values: { max: Number(issue.maximum) } };
	if (issue.code === 'too_small') {
		return Number(issue.minimum) <= 1
			? { key: 'errors.required' }
			: { key: 'errors.tooShort', values: { min: Number(issue.minimum) } };
	}
	if (issue.code === 'invalid_type' && issue.input === undefined) return { key: 'errors.required' };
	return { key: 'errors.invalid' };
}
