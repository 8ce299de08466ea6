import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	activationCode,
	appointment,
	appointmentReminder,
	auditEvent,
	authIdentity,
	benefitPeriod,
	client,
	clientRequest,
	document,
	handhaving,
	idempotency,
	instrumentUse,
	ladderStep,
	message,
	notification,
	outflow,
	plan,
	planAgreement,
	planDraft,
	planStep,
	planVersion,
	pushSubscription,
	segmentHistory,
	exemptionHistory,
	planReviewHistory,
	session,
	surveyInvitation,
	user
} from '../db/schema';
import * as audit from '../audit/audit';
import { AccessDenied, requireInCaseload, type Staff } from '../caseload/caseload';

// A client's own copy of everything Wegwijs holds about them (AVG articles 15 and 20).
// COVERAGE names every column in the schema that points to a client or a person, and says
// whether the copy follows it or why not; tests/integration/data-copy.test.ts fails when a
// table gets such a column that is not listed here, so a new table cannot be forgotten.

/** The groups of the readable page, in order; each table of the copy is in one. */
export const DATA_GROUPS = [
	'person',
	'benefit',
	'plans',
	'appointments',
	'messages',
	'surveys',
	'signIn',
	'audit'
] as const;
export type DataGroup = (typeof DATA_GROUPS)[number];

/**
 * "table.column" of every foreign key to a client, a person, a plan or an appointment: `copy` when the copy holds the
 * rows it points to for this client, or the reason it does not.
 */
export const COVERAGE: Record<string, 'copy' | string> = {
	'client.user_id': 'copy',
	'client.klantmanager_id': 'staff: the contact klantmanager (name in the copy)',
	'ladder_step.client_id': 'copy',
	'ladder_step.recorded_by': 'staff',
	'segment_history.client_id': 'copy',
	'exemption_history.client_id': 'copy',
	'plan_review_history.plan_id': 'copy',
	'plan.client_id': 'copy',
	'plan_version.shared_by': 'staff',
	'plan_agreement.user_id': 'copy',
	'plan_step.plan_id': 'copy',
	'plan_version.plan_id': 'copy',
	'plan_draft.plan_id': 'copy',
	'plan_agreement.plan_id': 'copy',
	'appointment_reminder.appointment_id': 'copy',
	'client_request.appointment_id': 'copy',
	'instrument_use.client_id': 'copy',
	'instrument_use.created_by': 'staff',
	'outflow.client_id': 'copy',
	'outflow.created_by': 'staff',
	'appointment.client_id': 'copy',
	'appointment.staff_id': 'staff',
	'client_request.client_id': 'copy',
	'survey_invitation.client_id': 'copy',
	'audit_event.actor_id': 'copy',
	'audit_event.client_id': 'copy',
	'idempotency.user_id': 'copy',
	'notification.user_id': 'copy',
	'session.user_id': 'copy',
	'auth_identity.user_id': 'copy',
	'activation_code.user_id': 'copy',
	'activation_code.created_by': 'staff',
	'benefit_period.client_id': 'copy',
	'benefit_period.created_by': 'staff',
	'message.client_id': 'copy',
	'message.author_id': 'copy',
	'plan_draft.updated_by': 'staff',
	'instrument_text.checked_by': 'staff',
	'instrument_text.edited_by': 'staff',
	'topic_text.checked_by': 'staff',
	'topic_text.edited_by': 'staff',
	'survey_text.checked_by': 'staff',
	'norm.set_by': 'staff',
	'setting.updated_by': 'staff',
	'content_reviewer.user_id': 'staff',
	'content_reviewer.granted_by': 'staff',
	'gemeente_content_setting.updated_by': 'staff',
	'plan_text_translation.updated_by': 'staff',
	'stand_in.klantmanager_id': 'staff',
	'stand_in.stand_in_id': 'staff',
	'api_key.user_id': 'an API key, not a client',
	'api_key.created_by': 'staff',
	'api_key.revoked_by': 'staff',
	'retention_term.updated_by': 'staff',
	// Documents the client sent: listed with name, type and size; the file itself opens from
	// the conversation (it is sealed at rest and not repeated in the copy).
	'document.client_id': 'copy',
	'push_subscription.user_id': 'copy',
	'staff_totp.user_id': 'staff: a second factor, only staff have one',
	'recovery_code.user_id': 'staff: a second factor, only staff have one',
	'staff_passkey.user_id': 'staff: a second factor, only staff have one',
	'content_audio.uploaded_by': 'staff',
	'content_audio.checked_by': 'staff',
	'topic_version.edited_by': 'staff',
	'topic_version.checked_by': 'staff',
	'glossary_entry.edited_by': 'staff',
	'glossary_entry.checked_by': 'staff',
	// Besluiten on the client file (issue #13 §7): maatregelen, boetes, terugvorderingen.
	'handhaving.client_id': 'copy',
	'handhaving.created_by': 'staff',
	'handhaving.updated_by': 'staff',
	'handhaving.withdrawn_by': 'staff'
};

export type DataCopy = {
	madeAt: string;
	groups: Record<DataGroup, Record<string, Record<string, unknown>[]>>;
};

/**
 * Everything about one client. Secrets are left out (password hashes, session and code
 * hashes): they are not information about the person and would only help an attacker.
 */
export async function dataCopy(
	db: Db,
	clientId: string,
	opts: { actorId: string; now?: Date; detail?: Record<string, unknown> }
): Promise<DataCopy | null> {
	const [c] = await db.select().from(client).where(eq(client.id, clientId));
	if (!c) return null;
	const userId = c.userId;
	const [u] = await db.select().from(user).where(eq(user.id, userId));
	const [km] = c.klantmanagerId
		? await db
				.select({ name: user.displayName, phone: user.phone, email: user.email })
				.from(user)
				.where(eq(user.id, c.klantmanagerId))
		: [];
	const plans = await db.select().from(plan).where(eq(plan.clientId, clientId));
	const planIds = plans.map((p) => p.id);
	const inPlans = <T>(q: (ids: string[]) => Promise<T[]>) =>
		planIds.length ? q(planIds) : Promise.resolve([] as T[]);
	const appointments = await db
		.select()
		.from(appointment)
		.where(eq(appointment.clientId, clientId));
	const appointmentIds = appointments.map((a) => a.id);
	const { demoKey: _demo, searchName: _search, ...person } = u!;
	const copy: DataCopy = {
		madeAt: (opts.now ?? new Date()).toISOString(),
		groups: {
			person: {
				user: [person],
				client: [c],
				klantmanager: km ? [km] : []
			},
			benefit: {
				benefit_period: await db
					.select()
					.from(benefitPeriod)
					.where(eq(benefitPeriod.clientId, clientId)),
				outflow: await db.select().from(outflow).where(eq(outflow.clientId, clientId)),
				ladder_step: await db.select().from(ladderStep).where(eq(ladderStep.clientId, clientId)),
				segment_history: await db
					.select()
					.from(segmentHistory)
					.where(eq(segmentHistory.clientId, clientId)),
				exemption_history: await db
					.select()
					.from(exemptionHistory)
					.where(eq(exemptionHistory.clientId, clientId)),
				instrument_use: await db
					.select()
					.from(instrumentUse)
					.where(eq(instrumentUse.clientId, clientId)),
				handhaving: await db.select().from(handhaving).where(eq(handhaving.clientId, clientId))
			},
			plans: {
				plan: plans,
				plan_version: await inPlans((ids) =>
					db.select().from(planVersion).where(inArray(planVersion.planId, ids))
				),
				plan_step: await inPlans((ids) =>
					db.select().from(planStep).where(inArray(planStep.planId, ids))
				),
				plan_agreement: await db
					.select()
					.from(planAgreement)
					.where(eq(planAgreement.userId, userId)),
				plan_draft: await inPlans((ids) =>
					db.select().from(planDraft).where(inArray(planDraft.planId, ids))
				),
				plan_review_history: await inPlans((ids) =>
					db.select().from(planReviewHistory).where(inArray(planReviewHistory.planId, ids))
				)
			},
			appointments: {
				appointment: appointments,
				appointment_reminder: appointmentIds.length
					? await db
							.select()
							.from(appointmentReminder)
							.where(inArray(appointmentReminder.appointmentId, appointmentIds))
					: [],
				client_request: await db
					.select()
					.from(clientRequest)
					.where(eq(clientRequest.clientId, clientId))
			},
			messages: {
				message: await db
					.select()
					.from(message)
					.where(or(eq(message.clientId, clientId), eq(message.authorId, userId))),
				notification: await db.select().from(notification).where(eq(notification.userId, userId)),
				document: await db
					.select({
						id: document.id,
						messageId: document.messageId,
						name: document.name,
						mime: document.mime,
						size: document.size,
						createdAt: document.createdAt
					})
					.from(document)
					.where(eq(document.clientId, clientId))
			},
			surveys: {
				// Answers are anonymous by design (no link to a person): only the invitations are theirs.
				survey_invitation: await db
					.select()
					.from(surveyInvitation)
					.where(eq(surveyInvitation.clientId, clientId))
			},
			signIn: {
				auth_identity: await db
					.select({
						provider: authIdentity.provider,
						subject: authIdentity.subject,
						createdAt: authIdentity.createdAt
					})
					.from(authIdentity)
					.where(eq(authIdentity.userId, userId)),
				session: await db
					.select({
						createdAt: session.createdAt,
						lastSeenAt: session.lastSeenAt,
						expiresAt: session.expiresAt
					})
					.from(session)
					.where(eq(session.userId, userId)),
				activation_code: await db
					.select({
						createdAt: activationCode.createdAt,
						expiresAt: activationCode.expiresAt,
						usedAt: activationCode.usedAt
					})
					.from(activationCode)
					.where(eq(activationCode.userId, userId)),
				idempotency: await db
					.select({
						status: idempotency.status,
						createdAt: idempotency.createdAt
					})
					.from(idempotency)
					.where(eq(idempotency.userId, userId)),
				// Phones that get a push: when each was added (the push address itself is a secret
				// of the push service, like a session token).
				push_subscription: await db
					.select({ createdAt: pushSubscription.createdAt })
					.from(pushSubscription)
					.where(eq(pushSubscription.userId, userId))
			},
			audit: {
				audit_event: await db
					.select()
					.from(auditEvent)
					.where(or(eq(auditEvent.clientId, clientId), eq(auditEvent.actorId, userId)))
			}
		}
	};
	await audit.record(db, {
		actorId: opts.actorId,
		clientId,
		action: 'client.export',
		detail: opts.detail ?? {}
	});
	return copy;
}

/**
 * The same copy made by staff for a client's written request (AVG art. 15): a klantmanager for
 * a client in their caseload (or their team's, for a team lead), or a functioneel beheerder for
 * any client. A refusal is audited (`client.denied`); the copy is audited as `client.export`
 * with `request: written` and the staff member as actor. Null when there is no such client.
 */
export async function staffDataCopy(
	db: Db,
	staff: Staff,
	clientId: string,
	now = new Date()
): Promise<DataCopy | null> {
	if (!staff.roles.includes('admin')) {
		if (!staff.roles.includes('klantmanager')) throw new AccessDenied();
		await requireInCaseload(db, staff, clientId);
	}
	return dataCopy(db, clientId, { actorId: staff.id, now, detail: { request: 'written' } });
}

/** The copy as the readable page shows it: per group its tables, each row as field and text. */
export function readableGroups(copy: DataCopy) {
	return DATA_GROUPS.map((group) => ({
		group,
		tables: Object.entries(copy.groups[group]).map(([table, rows]) => ({
			table,
			rows: rows.map((row) =>
				Object.entries(row).map(([field, value]) => ({ field, value: shown(value) }))
			)
		}))
	}));
}

/** A value as one line of text for the readable page (never HTML: the page escapes it). */
export function shown(value: unknown): string {
	if (value === null || value === undefined) return '–';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** The client with this number (any letter case), for an admin's lookup; null when none. */
export async function clientIdByNumber(db: Db, clientNumber: string): Promise<string | null> {
	const [row] = await db
		.select({ id: client.id })
		.from(client)
		.where(sql`lower(${client.clientNumber}) = ${clientNumber.trim().toLowerCase()}`)
		.limit(1);
	return row?.id ?? null;
}

/** The name on the copy (the person's display name), for the staff page's heading. */
export function nameOnCopy(copy: DataCopy): string {
	const person = copy.groups.person.user?.[0] as { displayName?: string } | undefined;
	return person?.displayName ?? '';
}
