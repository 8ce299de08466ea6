import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import * as keys from '$lib/server/api/keys';
import * as rate from '$lib/server/api/rate-limit';
import * as records from '$lib/server/api/sync-records';
import type { Problem } from '$lib/server/api/schemas';
import type { FieldError } from '$lib/forms/errors';

// Every /api/v1 endpoint goes through `apiEndpoint`: a Bearer key (wrong, revoked or missing:
// 401), the key's scope (403), a rate limit per key (429, Retry-After), a JSON body of at most
// MAX_BODY_BYTES parsed with the route's zod schema (400 with a pointer and a translated
// message per field, nothing applied), then the area function. Errors are problem+json
// (RFC 9457) in the language of Accept-Language.

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ApiProblemItem {
	pointer: string;
	error: FieldError;
	detail?: string;
}

export function problem(
	event: Pick<RequestEvent, 'locals'>,
	status: number,
	code: string,
	opts: { items?: ApiProblemItem[]; headers?: Record<string, string> } = {}
): Response {
	const t = event.locals.t;
	const title = t(`admin.api.problems.${code}`);
	const body: Problem = {
		type: `/api/v1/openapi.json#problem-${code}`,
		title,
		message: title,
		status
	};
	if (opts.items)
		body.errors = opts.items.map((i) => ({
			pointer: i.pointer,
			code: i.error.key.split('.').pop()!,
			message: t(i.error.key, i.error.values ?? {}) + (i.detail ? ` (${i.detail})` : '')
		}));
	return json(body, {
		status,
		headers: {
			'content-type': 'application/problem+json',
			'cache-control': 'no-store',
			...opts.headers
		}
	});
}

function fieldErrorOf(issue: z.core.$ZodIssue): FieldError {
	if (/^([a-zA-Z]+\.)*errors\.\w+$/.test(issue.message)) return { key: issue.message };
	if (issue.code === 'unrecognized_keys') return { key: 'admin.api.errors.unknownField' };
	if (issue.code === 'too_big')
		return { key: 'errors.tooLong', values: { max: Number(issue.maximum) } };
	if (issue.code === 'too_small')
		return Number(issue.minimum) <= 1
			? { key: 'errors.required' }
			: { key: 'errors.tooShort', values: { min: Number(issue.minimum) } };
	if (issue.code === 'invalid_type' && issue.input === undefined) return { key: 'errors.required' };
	return { key: 'errors.invalid' };
}

/** One item per field with a problem; an unknown field gets its own pointer (the field it names). */
export function issuesToItems(error: z.ZodError): ApiProblemItem[] {
	const seen = new Set<string>();
	const items = error.issues.flatMap((issue) => {
		const base = issue.path.map((p) => `/${String(p)}`).join('');
		const error = fieldErrorOf(issue);
		if (issue.code === 'unrecognized_keys')
			return issue.keys.map((k) => ({ pointer: `${base}/${k}`, error }));
		return [{ pointer: base, error }];
	});
	// The first problem per field is enough to fix it (a bad date fails two checks).
	return items.filter((i) => !seen.has(i.pointer) && seen.add(i.pointer));
}

export function apiEndpoint<S extends z.ZodType>(spec: {
	scope: keys.ApiScope;
	body: S;
	run: (event: RequestEvent, caller: keys.ApiCaller, body: z.infer<S>) => Promise<Response>;
}) {
	return async (event: RequestEvent): Promise<Response> => {
		const { locals, request } = event;
		const db = locals.db;
		const address = event.getClientAddress();
		const bad = rate.badKeyBucket(address);
		if (await rate.isBlocked(db, bad, rate.API_BAD_KEYS_PER_MINUTE))
			return problem(event, 429, 'rateLimited', { headers: { 'retry-after': '60' } });
		const header = request.headers.get('authorization') ?? '';
		const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '';
		const caller = token ? await keys.authenticate(db, token) : null;
		if (!caller) {
			await rate.take(db, bad, rate.API_BAD_KEYS_PER_MINUTE);
			return problem(event, 401, 'unauthorized', {
				headers: { 'www-authenticate': 'Bearer realm="wegwijs"' }
			});
		}
		if (caller.scope !== spec.scope) return problem(event, 403, 'scope');
		const limited = await rate.take(db, rate.apiKeyBucket(caller.keyId), rate.API_CALLS_PER_MINUTE);
		if (!limited.ok)
			return problem(event, 429, 'rateLimited', {
				headers: { 'retry-after': String(limited.retryAfterSeconds) }
			});
		const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
		if (type !== 'application/json') return problem(event, 415, 'mediaType');
		const length = Number(request.headers.get('content-length') ?? '0');
		if (length > MAX_BODY_BYTES) return problem(event, 413, 'tooLarge');
		const text = await request.text();
		if (new TextEncoder().encode(text).length > MAX_BODY_BYTES)
			return problem(event, 413, 'tooLarge');
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch {
			return problem(event, 400, 'invalid', {
				items: [{ pointer: '', error: { key: 'admin.api.errors.json' } }]
			});
		}
		const parsed = spec.body.safeParse(raw);
		if (!parsed.success)
			return problem(event, 400, 'invalid', { items: issuesToItems(parsed.error) });
		return spec.run(event, caller, parsed.data);
	};
}

/**
 * PUT of one of the other import kinds (sync-records.ts), scope `clients`: `?dryRun=true`
 * checks and counts, writes nothing; a bad row is 400 with a pointer per field, nothing applied.
 */
export function recordsEndpoint<S extends z.ZodType, T extends records.SyncItem>(
	body: S,
	spec: records.RecordsSpec<T>,
	items: (body: z.infer<S>) => T[]
) {
	return apiEndpoint({
		scope: 'clients',
		body,
		run: async (event, caller, parsed) => {
			const dryRun = event.url.searchParams.get('dryRun') === 'true';
			const r = await records.syncRecords(event.locals.db, caller, spec, items(parsed), { dryRun });
			if (!r.ok) return problem(event, 400, 'invalid', { items: r.problems });
			return json(r, { headers: { 'cache-control': 'no-store' } });
		}
	});
}
