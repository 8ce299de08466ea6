import { fail } from '@sveltejs/kit';
import type { FieldErrors } from '../../forms/errors';
import { formValues, type FormResult } from '../../forms/form-data';
import type { Db } from '../db/open';
import type { SessionUser } from '../auth/session';
import { inCaseload, requireRole } from './guard';
import { postedForm } from './posted-form';

/** What a klantmanager's action works with: the database, who acts, the route and the form. */
export interface StaffCall {
	db: Db;
	staff: SessionUser;
	params: Record<string, string>;
	form: FormData;
}

/**
 * How a refusal from the area module is shown: field errors (translation keys), the status
 * (409 for a conflict with the stored state, the default; 400 for a bad value) and anything
 * else the page needs to show it (for example the overlapping appointments).
 */
export type Refusal = { status?: 400 | 409; errors?: FieldErrors } & Record<string, unknown>;

type Done<R> = Extract<R, { ok: true }>;
type Refused<R> = Exclude<R, { ok: true }>;

/**
 * The recipe for a klantmanager's form action (see docs/ARCHITECTURE.md, "Form actions"):
 * 1. the role check (klantmanager, else 403),
 * 2. the form parsed with zod (`parse`, usually `(f) => parseForm(schema, f)`); bad input gives
 *    `fail(400, { errors, values })` and changes nothing,
 * 3. the area function (`run`), which checks the caseload (outside it: 403 via `inCaseload`) and
 *    writes the audit event itself,
 * 4. its answer as a value: `done` for `{ ok: true }`, `refused` for a refusal such as a stale
 *    revision, a double booking or an outflow already recorded; a refusal becomes
 *    `fail(status, { errors, values, ... })` with everything as typed.
 * `tag` names the form when one page has several (it comes back in every answer).
 */
export function staffAction<
	Input,
	R extends { ok: boolean },
	D,
	F extends Refusal,
	Tag extends Record<string, string> = Record<never, never>
>(spec: {
	tag?: Tag;
	parse?: (form: FormData) => FormResult<Input>;
	run: (call: StaffCall, input: Input) => Promise<R>;
	done: (result: Done<R>, call: StaffCall) => D;
	refused: (result: Refused<R>, call: StaffCall, input: Input) => F;
}) {
	const tag = (spec.tag ?? {}) as Tag;
	return async (event: {
		request: Request;
		locals: App.Locals;
		params: Record<string, string>;
	}) => {
		const staff = requireRole(event.locals, 'klantmanager');
		const form = spec.parse ? await postedForm(event.request) : new FormData();
		const call: StaffCall = { db: event.locals.db, staff, params: event.params, form };
		let input = undefined as Input;
		if (spec.parse) {
			const parsed = spec.parse(form);
			if (!parsed.ok) return fail(400, { ...tag, errors: parsed.errors, values: parsed.values });
			input = parsed.data;
		}
		const result = await inCaseload(event.locals, () => spec.run(call, input));
		if (result.ok) return { ...tag, ...spec.done(result as Done<R>, call) };
		const { status = 409, ...refusal } = spec.refused(result as Refused<R>, call, input);
		return fail(status, { ...tag, values: formValues(form), ...(refusal as Omit<F, 'status'>) });
	};
}
