import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';
import {
	auditEvent,
	authIdentity,
	client,
	clientRequest,
	instrumentText,
	ladderStep,
	gemeente,
	plan,
	planAgreement,
	planStep,
	user
} from '../db/schema';
import { amsterdamDay } from '../../dates';
import { appointmentsOfClient } from '../appointments/appointment-view';
import { openClient, type Staff } from './caseload';
import { usesOfClient } from '../instruments/instrument-uses';
import { outflowOfClient } from './outflow';
import { isOverdue } from '../plans/plans';

/** Name, number and gemeente of a client, for page titles and letters. */
export async function headerOf(db: Db, clientId: string) {
	const [row] = await db
		.select({
			id: client.id,
			name: user.displayName,
			clientNumber: client.clientNumber,
			language: user.language,
			userId: client.userId,
			segment: client.segment,
			gemeenteName: gemeente.name,
			benefitStart: client.benefitStart
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.innerJoin(gemeente, eq(gemeente.id, client.gemeenteId))
		.where(eq(client.id, clientId));
	return row ?? null;
}

export async function profileOf(db: Db, clientId: string) {
	const km = alias(user, 'km');
	const [row] = await db
		.select({ client, name: user.displayName, language: user.language, kmName: km.displayName })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.leftJoin(km, eq(km.id, client.klantmanagerId))
		.where(eq(client.id, clientId));
	if (!row) return null;
	const ladder = await db
		.select({ step: ladderStep.step, recordedAt: ladderStep.recordedAt })
		.from(ladderStep)
		.where(eq(ladderStep.clientId, clientId))
		.orderBy(asc(ladderStep.recordedAt), asc(ladderStep.seq));
	const [password] = await db
		.select({ id: authIdentity.id })
		.from(authIdentity)
		.where(and(eq(authIdentity.userId, row.client.userId), eq(authIdentity.provider, 'password')));
	const c = row.client;
	return {
		name: row.name,
		language: row.language,
		klantmanagerName: row.kmName,
		clientNumber: c.clientNumber,
		segment: c.segment,
		ladderStep: c.ladderStep,
		ladder,
		birthDate: c.birthDate,
		statushouder: c.statushouder,
		benefitStart: c.benefitStart,
		exemptionReason: c.exemptionReason,
		exemptionReviewDate: c.exemptionReviewDate,
		applicationsPerWeek: c.applicationsPerWeek,
		agreedHoursPerWeek: c.agreedHoursPerWeek,
		hasPassword: !!password
	};
}

/** The plan the client sees now (not the draft), with its steps in order. */
async function currentPlan(db: Db, clientId: string, today: string) {
	const [p] = await db
		.select()
		.from(plan)
		.where(and(eq(plan.clientId, clientId), ne(plan.status, 'closed')))
		.orderBy(desc(plan.createdAt))
		.limit(1);
	if (!p) return null;
	const steps = await db
		.select({
			id: planStep.id,
			title: planStep.title,
			owner: planStep.owner,
			dueDate: planStep.dueDate,
			status: planStep.status,
			clientNote: planStep.clientNote,
			instrumentName: instrumentText.name
		})
		.from(planStep)
		.leftJoin(
			instrumentText,
			and(eq(instrumentText.instrumentId, planStep.instrumentId), eq(instrumentText.language, 'nl'))
		)
		.where(eq(planStep.planId, p.id))
		.orderBy(asc(planStep.position));
	return {
		id: p.id,
		goal: p.goal,
		status: p.status,
		version: p.version,
		sharedAt: p.sharedAt?.toISOString() ?? null,
		agreedAt: p.agreedAt?.toISOString() ?? null,
		reviewDate: p.reviewDate,
		reviewDue: !!p.reviewDate && p.reviewDate <= today,
		steps: p.status === 'draft' ? [] : steps.map((s) => ({ ...s, overdue: isOverdue(s, today) }))
	};
}

// A request's text and answer are messages about the same thing (the appointment or the
// instrument): the first from the client since the request, and the first answer after it.
// Rows from before that kept their own copy, which is read when present.
const aboutSameThing = sql`m.client_id = ${clientRequest.clientId}
	and m.context_id = coalesce(${clientRequest.appointmentId}, ${clientRequest.instrumentId})
	and m.created_at >= ${clientRequest.createdAt}`;
const requestText = sql<string | null>`coalesce(${clientRequest.message}, (select m.body
	from message m where ${aboutSameThing} and m.from_client
	order by m.created_at, m.id limit 1))`;
const requestAnswer = sql<string | null>`coalesce(${clientRequest.answer}, (select m.body
	from message m where ${aboutSameThing} and not m.from_client
	and ${clientRequest.answeredAt} is not null and m.created_at <= ${clientRequest.answeredAt}
	order by m.created_at, m.id limit 1))`;

export async function requestsOf(db: Db, clientId: string) {
	const rows = await db
		.select({
			id: clientRequest.id,
			kind: clientRequest.kind,
			status: clientRequest.status,
			message: requestText,
			answer: requestAnswer,
			appointmentId: clientRequest.appointmentId,
			instrumentName: instrumentText.name,
			createdAt: clientRequest.createdAt,
			answeredAt: clientRequest.answeredAt
		})
		.from(clientRequest)
		.leftJoin(
			instrumentText,
			and(
				eq(instrumentText.instrumentId, clientRequest.instrumentId),
				eq(instrumentText.language, 'nl')
			)
		)
		.where(eq(clientRequest.clientId, clientId))
		.orderBy(desc(clientRequest.createdAt))
		.limit(50);
	return rows.map((r) => ({
		...r,
		createdAt: r.createdAt.toISOString(),
		answeredAt: r.answeredAt?.toISOString() ?? null
	}));
}

export interface TimelineEntry {
	at: string;
	kind: string;
	who: string | null;
}

/** What happened, newest first: staff changes (not reads), agreements and requests. */
async function timelineOf(db: Db, clientId: string): Promise<TimelineEntry[]> {
	const events = await db
		.select({ at: auditEvent.at, action: auditEvent.action, who: user.displayName })
		.from(auditEvent)
		.leftJoin(user, eq(user.id, auditEvent.actorId))
		.where(
			and(
				eq(auditEvent.clientId, clientId),
				ne(auditEvent.action, 'client.read'),
				ne(auditEvent.action, 'client.denied')
			)
		)
		.orderBy(desc(auditEvent.at))
		.limit(40);
	const agreements = await db
		.select({ at: planAgreement.agreedAt, version: planAgreement.version })
		.from(planAgreement)
		.innerJoin(plan, eq(plan.id, planAgreement.planId))
		.where(eq(plan.clientId, clientId))
		.orderBy(desc(planAgreement.agreedAt))
		.limit(20);
	const requests = await db
		.select({ at: clientRequest.createdAt, kind: clientRequest.kind })
		.from(clientRequest)
		.where(eq(clientRequest.clientId, clientId))
		.orderBy(desc(clientRequest.createdAt))
		.limit(20);
	return [
		...events.map((e) => ({ at: e.at.toISOString(), kind: e.action, who: e.who })),
		...agreements.map((a) => ({ at: a.at.toISOString(), kind: 'plan.agreed', who: null })),
		...requests.map((r) => ({ at: r.at.toISOString(), kind: `request.${r.kind}`, who: null }))
	]
		.sort((a, b) => b.at.localeCompare(a.at))
		.slice(0, 50);
}

/**
 * The client page for a klantmanager: checks the caseload, writes the read to the audit
 * trail, and gathers profile, plan, appointments, help, outflow, requests and timeline.
 */
export async function openFile(db: Db, staff: Staff, clientId: string, now = new Date()) {
	await openClient(db, staff, clientId, 'client');
	const today = amsterdamDay(now);
	const profile = await profileOf(db, clientId);
	if (!profile) return null;
	return {
		id: clientId,
		profile,
		plan: await currentPlan(db, clientId, today),
		appointments: await appointmentsOfClient(db, clientId, now),
		uses: await usesOfClient(db, clientId),
		outflow: await outflowOfClient(db, clientId),
		requests: await requestsOf(db, clientId),
		timeline: await timelineOf(db, clientId),
		today
	};
}
