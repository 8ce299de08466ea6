import { z } from 'zod';
import { MAATREGEL_GROUNDS } from '../db/schema';
import { formValues, parseForm, type FormResult } from '../../forms/form-data';
import { MAX_AMOUNT_CENTS, parseAmount, periodError } from './handhaving-rules';

// The klantmanager's handhaving forms (docs/DOMAIN.md "Handhaving"). One form for the three
// kinds, so it works without JavaScript: every field is sent, and only those of the chosen
// kind are read. Messages are translation keys (see forms/form-data.ts parseForm).

export const REASON_MAX = 1000;
const E = 'km.handhaving.errors';
const day = z.iso.date('errors.invalid');
const reason = z.string().trim().min(1, 'errors.required').max(REASON_MAX);

/** An amount as typed ("125,50") in cents, from 1 cent to MAX_AMOUNT_CENTS. */
const amount = z
	.string()
	.trim()
	.min(1, 'errors.required')
	.transform((s, ctx) => {
		const cents = parseAmount(s);
		if (cents === null) {
			ctx.addIssue({ code: 'custom', message: `${E}.amount` });
			return z.NEVER;
		}
		return cents;
	})
	.pipe(z.number().int().min(1, `${E}.amountRange`).max(MAX_AMOUNT_CENTS, `${E}.amountRange`));

const percentage = z
	.string()
	.trim()
	.min(1, 'errors.required')
	.regex(/^\d{1,3}$/, `${E}.percentage`)
	.transform(Number)
	.pipe(z.number().int().min(0, `${E}.percentage`).max(100, `${E}.percentage`));

const maatregel = z
	.object({
		kind: z.literal('maatregel'),
		decidedOn: day,
		ground: z.enum(MAATREGEL_GROUNDS, 'errors.required'),
		percentage,
		periodStart: day,
		periodEnd: day,
		reason
	})
	.superRefine((v, ctx) => {
		const error = periodError(v.periodStart, v.periodEnd);
		if (error) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: `${E}.${error}` });
	});

const money = <K extends 'boete' | 'terugvordering'>(kind: K) =>
	z.object({ kind: z.literal(kind), decidedOn: day, amount, reason });

export type HandhavingInput =
	| {
			kind: 'maatregel';
			decidedOn: string;
			ground: (typeof MAATREGEL_GROUNDS)[number];
			percentage: number;
			periodStart: string;
			periodEnd: string;
			reason: string;
	  }
	| { kind: 'boete' | 'terugvordering'; decidedOn: string; amountCents: number; reason: string };

/** What the klantmanager records: one of the three kinds with its own fields. */
export const handhavingSchema = z
	.discriminatedUnion('kind', [maatregel, money('boete'), money('terugvordering')], {
		error: 'errors.required'
	})
	.transform((v): HandhavingInput =>
		v.kind === 'maatregel'
			? v
			: { kind: v.kind, decidedOn: v.decidedOn, amountCents: v.amount, reason: v.reason }
	);

/** The entry a correction or withdrawal is about, and the revision the klantmanager saw. */
export const refSchema = z.object({
	id: z.uuid(),
	revision: z.coerce.number().int().min(1).max(1_000_000)
});

/** A correction: the entry and its revision, and all fields again. */
export function parseCorrection(
	form: FormData
): FormResult<HandhavingInput & z.infer<typeof refSchema>> {
	const entry = parseForm(refSchema, form);
	const fields = parseForm(handhavingSchema, form);
	if (entry.ok && fields.ok) return { ok: true, data: { ...fields.data, ...entry.data } };
	return {
		ok: false,
		errors: { ...(entry.ok ? {} : entry.errors), ...(fields.ok ? {} : fields.errors) },
		values: formValues(form)
	};
}

/** Withdrawing (intrekken), e.g. after a bezwaar that was upheld. */
export const withdrawSchema = refSchema.extend({ withdrawnOn: day, withdrawnReason: reason });
