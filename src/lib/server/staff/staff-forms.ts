import { z } from 'zod';
import { STAFF_ROLES } from './staff-admin';

// The forms of /beheer/gebruikers. Multi-value fields (roles) arrive as arrays.

const roles = z.array(z.enum(STAFF_ROLES)).min(1, 'errors.rolesRequired');
const teamId = z
	.union([z.uuid(), z.literal('')])
	.transform((v) => v || null)
	.nullable();

export const newStaffSchema = z.object({
	displayName: z.string().trim().min(2).max(100),
	email: z.email('errors.email').max(200),
	roles,
	teamId,
	password: z
		.string()
		.max(200)
		.transform((v) => v || null)
		.refine((v) => v === null || v.length >= 12, 'errors.passwordShort')
});

export const updateStaffSchema = z.object({
	roles,
	teamId,
	/** The gemeenten the person works for; none ticked: all of them. */
	gemeenteIds: z.array(z.uuid()).max(100),
	disabled: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on')
});

export const teamSchema = z.object({
	name: z.string().trim().min(2).max(80),
	leadUserId: teamId
});

/** Form data as one object: fields that may repeat become arrays, the rest plain strings. */
export function formObject(form: FormData, multi: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		out[key] = multi.includes(key) ? form.getAll(key) : form.get(key);
	}
	for (const key of multi) out[key] ??= [];
	return out;
}
