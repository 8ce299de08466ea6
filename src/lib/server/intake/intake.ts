import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { benefitPeriod, client, gemeente, SEGMENTS, user } from '../db/schema';
import { LANGUAGE_CODES } from '../../i18n/languages';
import { amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { teamMembers, type Staff } from '../caseload/caseload';
import { worksFor } from '../staff/works-for';
import type { FieldErrors } from '../../forms/errors';

import { CLIENT_NUMBER } from './client-number';

export { CLIENT_NUMBER };

const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((v) => v === 'on' || v === 'true');
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => (v ? v : null));

/** The intake form, field by field; the messages are translation keys. */
export const intakeSchema = z.object({
	name: z.string().trim().min(1, 'errors.required').max(200),
	birthDate: z.iso.date('errors.invalid'),
	clientNumber: z
		.string()
		.trim()
		.min(1, 'errors.required')
		.regex(CLIENT_NUMBER, 'intake.errors.clientNumber'),
	gemeenteId: z.uuid('errors.required'),
	benefitStart: z.iso.date('errors.invalid'),
	segment: z.union([z.literal(''), z.enum(SEGMENTS)]).transform((v) => (v === '' ? null : v)),
	language: z.enum(LANGUAGE_CODES, 'errors.required'),
	statushouder: checkbox,
	phone: optionalText(40).pipe(
		z
			.string()
			.regex(/^[+0-9 ()-]{6,40}$/, 'intake.errors.phone')
			.nullable()
	),
	email: optionalText(200).pipe(z.email('intake.errors.email').nullable()),
	klantmanagerId: z.uuid('errors.required'),
	/** Ticked after a warning that someone with this name and birth date exists already. */
	otherPerson: checkbox
});
export type IntakeInput = z.infer<typeof intakeSchema>;

export type IntakeError =
	| { field: 'clientNumber'; error: 'duplicate_number' }
	| { field: 'otherPerson'; error: 'possible_duplicate'; clientNumber: string }
	| { field: 'email'; error: 'email_taken' }
	| { field: 'klantmanagerId'; error: 'unknown_klantmanager' }
	| { field: 'klantmanagerId'; error: 'klantmanager_gemeente' }
	| { field: 'klantmanagerId'; error: 'no_klantmanager' }
	| { field: 'gemeenteId'; error: 'unknown_gemeente' }
	| { field: 'language'; error: 'language_not_offered' }
	| { field: 'birthDate'; error: 'birth_date' }
	| { field: 'benefitStart'; error: 'benefit_start' };

/**
 * What the intake form offers: gemeenten with their languages, the klantmanagers to pick, and
 * per gemeente the ones who work for it (`worksFor`, as `registerClient` checks), so the form
 * offers no klantmanager the server would refuse for the chosen gemeente.
 */
export async function intakeChoices(db: Db, staff: Staff) {
	const gemeenten = await db
		.select({ id: gemeente.id, name: gemeente.name, languages: gemeente.languages })
		.from(gemeente)
		.orderBy(asc(gemeente.name));
	const klantmanagers = await teamMembers(db, staff);
	const worksForOf = new Map(
		(klantmanagers.length
			? await db
					.select({ id: user.id, gemeenteIds: user.gemeenteIds })
					.from(user)
					.where(
						inArray(
							user.id,
							klantmanagers.map((k) => k.id)
						)
					)
			: []
		).map((u) => [u.id, u])
	);
	return {
		gemeenten: gemeenten.map((g) => ({
			...g,
			klantmanagerIds: klantmanagers
				.filter((k) => worksFor(worksForOf.get(k.id)!, g.id))
				.map((k) => k.id)
		})),
		klantmanagers
	};
}

/** Whether the form offers anyone for this gemeente (the rule of `intakeChoices`). */
async function anyKlantmanagerFor(db: Db, staff: Staff, gemeenteId: string): Promise<boolean> {
	const { gemeenten } = await intakeChoices(db, staff);
	return (gemeenten.find((g) => g.id === gemeenteId)?.klantmanagerIds.length ?? 0) > 0;
}

/**
 * The errors of a refused intake form, with a missing klantmanager explained: for a gemeente
 * nobody on the list works for, the list was empty, and "fill this in" helps nobody. The form
 * then says that there is no klantmanager for the gemeente yet and who can change that.
 */
export async function explainIntakeErrors(
	db: Db,
	staff: Staff,
	errors: FieldErrors,
	values: Record<string, string>
): Promise<FieldErrors> {
	if (!errors.klantmanagerId || errors.gemeenteId) return errors;
	const gemeenteId = z.uuid().safeParse(values.gemeenteId);
	if (!gemeenteId.success || (await anyKlantmanagerFor(db, staff, gemeenteId.data))) return errors;
	return { ...errors, klantmanagerId: { key: 'intake.errors.no_klantmanager' } };
}

const normaliseName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A klantmanager (for themselves) or a team lead (for anyone in the team) registers a new
 * client. Refused: a client number that exists (in any letter case), and — unless the form says
 * it is really another person — the same name and birth date in the same gemeente. Nothing is
 * written on a refusal. No BSN is asked or stored (docs/INTAKE.md).
 */
export async function registerClient(
	db: Db,
	staff: Staff,
	input: IntakeInput,
	now = new Date()
): Promise<{ ok: true; clientId: string; userId: string } | ({ ok: false } & IntakeError)> {
	const visible = (await teamMembers(db, staff)).map((m) => m.id);
	if (!visible.includes(input.klantmanagerId))
		return { ok: false, field: 'klantmanagerId', error: 'unknown_klantmanager' };
	const today = amsterdamDay(now);
	if (input.birthDate > today || input.birthDate < '1900-01-01')
		return { ok: false, field: 'birthDate', error: 'birth_date' };
	if (input.benefitStart < input.birthDate)
		return { ok: false, field: 'benefitStart', error: 'benefit_start' };
	const [g] = await db
		.select({ languages: gemeente.languages })
		.from(gemeente)
		.where(eq(gemeente.id, input.gemeenteId));
	if (!g) return { ok: false, field: 'gemeenteId', error: 'unknown_gemeente' };
	if (input.language !== 'nl' && !g.languages.includes(input.language))
		return { ok: false, field: 'language', error: 'language_not_offered' };
	// The contact klantmanager works for the client's gemeente (or for all of them).
	const [km] = await db
		.select({ gemeenteIds: user.gemeenteIds })
		.from(user)
		.where(eq(user.id, input.klantmanagerId));
	if (!km || !worksFor(km, input.gemeenteId)) {
		// Nobody to choose instead: say that, not "choose another klantmanager".
		const error = (await anyKlantmanagerFor(db, staff, input.gemeenteId))
			? 'klantmanager_gemeente'
			: 'no_klantmanager';
		return { ok: false, field: 'klantmanagerId', error };
	}

	return db.transaction(async (tx) => {
		const [sameNumber] = await tx
			.select({ id: client.id })
			.from(client)
			.where(sql`lower(${client.clientNumber}) = ${input.clientNumber.toLowerCase()}`)
			.limit(1);
		if (sameNumber) return { ok: false, field: 'clientNumber', error: 'duplicate_number' } as const;
		if (!input.otherPerson) {
			const [twin] = await tx
				.select({ clientNumber: client.clientNumber })
				.from(client)
				.innerJoin(user, eq(user.id, client.userId))
				.where(
					and(
						eq(client.gemeenteId, input.gemeenteId),
						eq(client.birthDate, input.birthDate),
						sql`lower(regexp_replace(trim(${user.displayName}), '\\s+', ' ', 'g')) = ${normaliseName(input.name)}`
					)
				)
				.limit(1);
			if (twin)
				return {
					ok: false,
					field: 'otherPerson',
					error: 'possible_duplicate',
					clientNumber: twin.clientNumber
				} as const;
		}
		if (input.email) {
			const [taken] = await tx
				.select({ id: user.id })
				.from(user)
				.where(sql`lower(${user.email}) = ${input.email.toLowerCase()}`)
				.limit(1);
			if (taken) return { ok: false, field: 'email', error: 'email_taken' } as const;
		}
		const [u] = await tx
			.insert(user)
			.values({
				displayName: input.name.replace(/\s+/g, ' '),
				roles: ['client'],
				language: input.language,
				email: input.email?.toLowerCase() ?? null,
				phone: input.phone,
				preferences: input.email ? { notifyEmail: true } : {}
			})
			.returning({ id: user.id });
		const [c] = await tx
			.insert(client)
			.values({
				userId: u!.id,
				clientNumber: input.clientNumber,
				gemeenteId: input.gemeenteId,
				klantmanagerId: input.klantmanagerId,
				segment: input.segment,
				birthDate: input.birthDate,
				statushouder: input.statushouder,
				benefitStart: input.benefitStart
			})
			.returning({ id: client.id });
		await tx.insert(benefitPeriod).values({
			clientId: c!.id,
			start: input.benefitStart,
			source: 'intake',
			createdBy: staff.id
		});
		await audit.record(tx, {
			actorId: staff.id,
			clientId: c!.id,
			action: 'client.create',
			detail: { klantmanagerId: input.klantmanagerId, otherPerson: input.otherPerson }
		});
		return { ok: true, clientId: c!.id, userId: u!.id } as const;
	});
}
